package dev.prebreak.core.tick;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one tick did, for people (the CLI table), machines (JSON, metrics) and alarms. */
public record TickReport(Instant at, Duration duration, boolean dryRun, List<UnitReport> units, ApiUsage api) {
    public TickReport {
        units = List.copyOf(units);
    }

    /** Whether any business unit could not be ticked: the tick must fail loudly. */
    public boolean failed() {
        return units.stream().anyMatch(u -> u.failure().isPresent());
    }

    public List<String> failures() {
        return units.stream().filter(u -> u.failure().isPresent())
                .map(u -> u.businessUnitId() + ": " + u.failure().get()).collect(Collectors.toList());
    }

    /** Writes that did not certainly land this tick: failed, or whose outcome is unknown. */
    public long writesNotConfirmed() {
        return results().stream().filter(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.UNCERTAIN).count();
    }

    public List<ActionResult> results() {
        return units.stream().flatMap(u -> u.results().stream()).collect(Collectors.toList());
    }

    public int agentsEvaluated() {
        return units.stream().mapToInt(UnitReport::agentsScheduled).sum();
    }

    public int candidates() {
        return units.stream().mapToInt(UnitReport::candidates).sum();
    }

    /** Changes by kind that ended with {@code outcome}. */
    public Map<ActionKind, Integer> count(Outcome outcome) {
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        results().stream().filter(r -> r.outcome() == outcome).forEach(r -> counts.merge(r.action().kind(), 1, Integer::sum));
        return counts;
    }

    public Map<SkipReason, Integer> skipCounts() {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        units.forEach(u -> u.skips().forEach(s -> counts.merge(s.reason(), 1, Integer::sum)));
        return counts;
    }
}
