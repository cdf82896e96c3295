package dev.prebreak.cli.report;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.Action;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A tick report as a person reads it in a terminal. */
public final class ReportText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /**
     * @param everySkip list each skip with its reason (plan mode, --verbose), not only their counts
     */
    public static void print(TickReport report, boolean everySkip, PrintWriter out) {
        out.printf("tick at %s%s: %d agents with schedules, %d read, %.2f s, %d API calls (%d throttled, %d retried)%n",
                report.at(), report.dryRun() ? " (dry run: nothing changed)" : "", report.agentsEvaluated(), report.candidates(),
                report.duration().toMillis() / 1000.0, report.api().calls(), report.api().rateLimited(), report.api().retries());
        for (UnitReport unit : report.units()) {
            out.printf("business unit %s%s%n", unit.name().isEmpty() ? "" : unit.name() + " ", "(" + unit.businessUnitId() + ")");
            if (unit.failure().isPresent()) {
                out.printf("  FAILED: %s (nothing was changed in this unit)%n", unit.failure().get());
                continue;
            }
            for (Outcome outcome : Outcome.values()) {
                String counts = counts(unit.results().stream().filter(r -> r.outcome() == outcome)
                        .collect(Collectors.groupingBy(r -> r.action().kind().name(), Collectors.counting())));
                if (!counts.isEmpty()) {
                    out.printf("  %-22s %s%n", label(outcome), counts);
                }
            }
            String skips = counts(unit.skips().stream().collect(Collectors.groupingBy(s -> s.reason().name(), Collectors.counting())));
            out.printf("  %-22s %s%n", "skipped", skips.isEmpty() ? "none" : skips);
            if (!unit.unknownActivityCodes().isEmpty()) {
                out.printf("  unknown activity codes in schedules: %s%n", String.join(", ", unit.unknownActivityCodes()));
            }
            List<ActionResult> results = unit.results().stream()
                    .sorted(Comparator.comparing((ActionResult r) -> r.action().key().activityStart()).thenComparing(r -> r.action().userId()))
                    .collect(Collectors.toList());
            if (!results.isEmpty()) {
                out.println("  changes:");
                for (ActionResult r : results) {
                    Action a = r.action();
                    out.printf("    %-36s %-9s %-14s activity %s  -> %-12s %s%s%n", a.userId(), a.kind(), a.key().ruleName(),
                            TIME.format(a.key().activityStart()), a.target().label(), r.outcome(), r.error().map(e -> ": " + e).orElse(""));
                }
            }
            if (everySkip && !unit.skips().isEmpty()) {
                out.println("  skips:");
                for (Skip s : unit.skips()) {
                    out.printf("    %-36s %-27s %-14s activity %s  %s%n", s.userId(), s.reason(), s.key().ruleName(),
                            TIME.format(s.key().activityStart()), s.detail());
                }
            }
        }
        out.flush();
    }

    private static String label(Outcome outcome) {
        switch (outcome) {
            case APPLIED: return "changed";
            case DRY_RUN: return "would change";
            case FAILED: return "failed (retry next tick)";
            default: return "taken by another tick";
        }
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
