package dev.prebreak.core.tick;

import dev.prebreak.core.plan.Skip;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One business unit's share of a tick.
 *
 * @param agentsScheduled agents with a schedule in the window
 * @param candidates agents whose presence was read because something was due for them
 * @param failure why the unit's tick failed, if it did; nothing was changed that the failure could affect
 */
public record UnitReport(String businessUnitId, String name, int agentsScheduled, int candidates,
                         List<ActionResult> results, List<Skip> skips, Set<String> unknownActivityCodes,
                         Optional<String> failure) {
    public UnitReport {
        results = List.copyOf(results);
        skips = List.copyOf(skips);
        unknownActivityCodes = Set.copyOf(unknownActivityCodes);
    }

    static UnitReport failed(String businessUnitId, String name, String failure) {
        return new UnitReport(businessUnitId, name, 0, 0, List.of(), List.of(), Set.of(), Optional.of(failure));
    }
}
