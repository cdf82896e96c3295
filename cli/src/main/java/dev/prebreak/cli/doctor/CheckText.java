package dev.prebreak.cli.doctor;

import java.io.PrintWriter;
import java.util.List;

/** The checks as lines for a person: the mark, what was checked, what was found, and on the next line what to do. */
final class CheckText {
    private CheckText() {
    }

    static void print(List<Check> checks, PrintWriter out) {
        for (Check check : checks) {
            out.println(check.verdict().mark() + " " + check.subject() + ": " + check.finding());
            if (!check.todo().isEmpty()) {
                out.println("    → " + check.todo());
            }
        }
        long problems = count(checks, Verdict.PROBLEM);
        long notes = count(checks, Verdict.NOTE);
        out.println(problems == 0
                ? "all well: " + count(checks, Verdict.OK) + " checks passed" + (notes == 0 ? "" : ", " + notes + " note"
                        + (notes == 1 ? "" : "s") + " (!)") + "; next: prebreak plan"
                : problems + " problem" + (problems == 1 ? "" : "s") + " (✖) to fix before prebreak can run"
                        + (notes == 0 ? "" : "; " + notes + " note" + (notes == 1 ? "" : "s") + " (!)"));
    }

    static long count(List<Check> checks, Verdict verdict) {
        return checks.stream().filter(c -> c.verdict() == verdict).count();
    }
}
