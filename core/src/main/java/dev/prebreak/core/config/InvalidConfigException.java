package dev.prebreak.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration has problems; all of them are listed, each with its key. */
public class InvalidConfigException extends RuntimeException {
    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return "invalid configuration (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
