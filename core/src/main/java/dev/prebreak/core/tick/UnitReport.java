package dev.prebreak.core.tick;

import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.state.ActivityKey;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One business unit's share of a tick.
 *
 * @param agentsScheduled agents with a schedule in the window
 * @param candidates agents whose presence was read because something was due for them
 * @param failure why the unit's tick failed, if it did; nothing was changed that the failure could affect
 * @param timeZone the unit's time zone, in which people read its schedules (UTC when it was not read)
 * @param agentNames display names of the agents in the results and skips, as far as Genesys gave them
 * @param activityNames what each activity in the results and skips is, as people know it: the activity
 *        code's name and category ("Lunch (Meal)"); absent for an activity no longer in the schedule
 */
public record UnitReport(String businessUnitId, String name, int agentsScheduled, int candidates,
                         List<ActionResult> results, List<Skip> skips, Set<String> unknownActivityCodes,
                         Optional<String> failure, ZoneId timeZone, Map<String, String> agentNames,
                         Map<ActivityKey, String> activityNames) {
    public UnitReport {
        results = List.copyOf(results);
        skips = List.copyOf(skips);
        unknownActivityCodes = Set.copyOf(unknownActivityCodes);
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        agentNames = Map.copyOf(agentNames);
        activityNames = Map.copyOf(activityNames);
    }

    /** Without names or time zone: ids and UTC. */
    public UnitReport(String businessUnitId, String name, int agentsScheduled, int candidates,
                      List<ActionResult> results, List<Skip> skips, Set<String> unknownActivityCodes,
                      Optional<String> failure) {
        this(businessUnitId, name, agentsScheduled, candidates, results, skips, unknownActivityCodes, failure,
                ZoneOffset.UTC, Map.of(), Map.of());
    }

    /** The agent's display name, if Genesys gave it. */
    public Optional<String> agentName(String userId) {
        return Optional.ofNullable(agentNames.get(userId));
    }

    /** What the activity is ("Break", "Lunch (Meal)"), if it is still in the schedule. */
    public Optional<String> activityName(ActivityKey key) {
        return Optional.ofNullable(activityNames.get(key));
    }

    static UnitReport failed(String businessUnitId, String name, ZoneId timeZone, String failure) {
        return new UnitReport(businessUnitId, name, 0, 0, List.of(), List.of(), Set.of(), Optional.of(failure),
                timeZone, Map.of(), Map.of());
    }
}
