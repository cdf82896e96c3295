package dev.prebreak.bench;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What agents do through the day, so that one simulated day has every break matter: an agent in
 * Pre-Break takes the break when it starts, and whoever is on a break or meal comes back On Queue when
 * it ends. Agents who were never On Queue stay as they are (never eligible). Deterministic.
 */
final class AgentRoutine {
    static final String CLIENT = "agent-desktop";

    private final Org org;
    private final String preBreakId;
    private final Set<String> covered;
    private final Set<String> meals;
    private final List<String> users;
    private Instant last;

    AgentRoutine(Org org, String businessUnitId, String preBreakId, Instant start) {
        this.org = org;
        this.preBreakId = preBreakId;
        this.users = org.userIdsInBusinessUnit(businessUnitId);
        this.covered = codes(org, businessUnitId, Set.of(ActivityCategory.Break, ActivityCategory.Meal));
        this.meals = codes(org, businessUnitId, Set.of(ActivityCategory.Meal));
        this.last = start;
    }

    private static Set<String> codes(Org org, String bu, Set<ActivityCategory> categories) {
        return org.activityCodes(bu).stream().filter(c -> categories.contains(c.category())).filter(ActivityCode::active)
                .map(ActivityCode::id).collect(Collectors.toSet());
    }

    /** Breaks and meals: what the rule (categories Break and Meal) covers. */
    List<Activity> covered(String user) {
        List<Activity> out = new ArrayList<>();
        for (Shift s : org.shifts(user)) {
            for (Activity a : s.activities()) {
                if (covered.contains(a.activityCodeId())) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    List<String> users() {
        return users;
    }

    void step(Instant now) {
        for (String user : users) {
            for (Activity a : covered(user)) {
                AgentState state = org.requireState(user);
                String presence = state.presence().id();
                if (crossed(a.startDate(), now) && presence.equals(preBreakId)) {
                    org.setPresence(user, meals.contains(a.activityCodeId()) ? PresenceDefinition.MEAL_ID
                            : PresenceDefinition.BREAK_ID, CLIENT, "agent desktop");
                }
                presence = org.requireState(user).presence().id();
                if (crossed(a.endDate(), now) && (presence.equals(preBreakId) || presence.equals(PresenceDefinition.BREAK_ID)
                        || presence.equals(PresenceDefinition.MEAL_ID))) {
                    org.setPresence(user, PresenceDefinition.ON_QUEUE_ID, CLIENT, "agent desktop");
                }
            }
        }
        last = now;
    }

    private boolean crossed(Instant at, Instant now) {
        return at.isAfter(last) && !at.isAfter(now);
    }
}
