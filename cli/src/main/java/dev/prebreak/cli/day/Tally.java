package dev.prebreak.cli.day;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Audit records counted by outcome, for one row of a report (a kind, a rule and hour, an agent). */
final class Tally {
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    void add(Outcome outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The outcomes that occurred, in the enum's order. */
    Map<Outcome, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }
}
