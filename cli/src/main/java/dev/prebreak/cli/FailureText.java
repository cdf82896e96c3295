package dev.prebreak.cli;

import dev.prebreak.core.tick.TickReport;

/** A failed tick in one line, saying first whether anything was changed before it failed. */
public final class FailureText {
    private FailureText() {
    }

    /** The failure with its reasons. */
    public static String of(TickReport report) {
        return opening(report) + ": " + String.join("; ", report.failures());
    }

    /** The failure without its reasons, for when they were printed just before. */
    public static String summary(TickReport report) {
        return opening(report) + " (the reason is above)";
    }

    private static String opening(TickReport report) {
        return report.results().isEmpty() ? "tick failed before any change"
                : "tick failed in " + report.failures().size() + " business unit(s), after " + report.results().size()
                + " change(s) elsewhere";
    }
}
