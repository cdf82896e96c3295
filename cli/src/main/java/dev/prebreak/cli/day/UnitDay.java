package dev.prebreak.cli.day;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one business unit's audit says about one day: its records, counted by kind and outcome, by rule
 * and hour (in the unit's time zone), and by agent.
 *
 * @param businessUnitId the unit; null for records whose unit was not known
 * @param records the day's records, oldest first
 */
record UnitDay(String businessUnitId, Day day, List<AuditRecord> records) {
    UnitDay {
        records = List.copyOf(records);
    }

    /** Rows by kind, in the enum's order (pre-break, revert, at start). */
    Map<ActionKind, Tally> byKind() {
        Map<ActionKind, Tally> rows = new TreeMap<>();
        records.forEach(r -> rows.computeIfAbsent(r.kind(), k -> new Tally()).add(r.outcome()));
        return rows;
    }

    /** Rows by rule, then by hour of the day in the unit's zone. */
    Map<RuleHour, Tally> byRuleAndHour() {
        Map<RuleHour, Tally> rows = new TreeMap<>();
        records.forEach(r -> rows.computeIfAbsent(new RuleHour(r.ruleName() == null ? "" : r.ruleName(),
                r.at().atZone(day.zone()).getHour()), k -> new Tally()).add(r.outcome()));
        return rows;
    }

    /** Rows by agent, ordered by name (then id), each with the agent's records. */
    Map<Agent, List<AuditRecord>> byAgent() {
        Map<String, List<AuditRecord>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r));
        Map<Agent, List<AuditRecord>> rows = new TreeMap<>();
        // A name may be missing from some records (a read that did not return it): any record's name will do.
        byId.forEach((id, theirs) -> rows.put(new Agent(id, theirs.stream().map(AuditRecord::agentName)
                .filter(n -> !n.isEmpty()).reduce((a, b) -> b).orElse("")), theirs));
        return rows;
    }

    static Tally tally(List<AuditRecord> records) {
        Tally tally = new Tally();
        records.forEach(r -> tally.add(r.outcome()));
        return tally;
    }

    /** The outcomes that occurred this day: the columns worth showing. */
    Set<Outcome> outcomes() {
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        records.forEach(r -> seen.add(r.outcome()));
        return seen;
    }

    Map<Outcome, Integer> totals() {
        return new LinkedHashMap<>(tally(records).counts());
    }

    record RuleHour(String rule, int hour) implements Comparable<RuleHour> {
        @Override
        public int compareTo(RuleHour o) {
            int byRule = rule.compareTo(o.rule);
            return byRule != 0 ? byRule : Integer.compare(hour, o.hour);
        }
    }

    /** An agent as the audit names them: by display name where known, always by id. */
    record Agent(String userId, String name) implements Comparable<Agent> {
        /** "Chloe Dubois (020aaf5f-...)", or the id alone. */
        String label() {
            return name.isEmpty() ? userId : name + " (" + userId + ")";
        }

        @Override
        public int compareTo(Agent o) {
            int byName = name.compareToIgnoreCase(o.name);
            return byName != 0 ? byName : userId.compareTo(o.userId);
        }
    }
}
