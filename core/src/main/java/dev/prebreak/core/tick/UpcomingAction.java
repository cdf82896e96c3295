package dev.prebreak.core.tick;

import java.time.Instant;
import java.util.Objects;

/**
 * A pre-break prebreak expects to set soon, as far as the cached schedules tell.
 *
 * @param activityName what the activity is, as people know it ("Lunch (Meal)")
 * @param agentName the agent's display name where this tick already knew it without asking Genesys; empty otherwise
 */
public record UpcomingAction(String businessUnitId, String userId, String ruleName, Instant triggerAt, Instant activityStart,
                             String activityName, String agentName) {
    public UpcomingAction {
        activityName = Objects.requireNonNullElse(activityName, "");
        agentName = Objects.requireNonNullElse(agentName, "");
    }

    public UpcomingAction(String businessUnitId, String userId, String ruleName, Instant triggerAt, Instant activityStart) {
        this(businessUnitId, userId, ruleName, triggerAt, activityStart, "", "");
    }

    /** The same with the agent's name. */
    public UpcomingAction named(String name) {
        return new UpcomingAction(businessUnitId, userId, ruleName, triggerAt, activityStart, activityName, name);
    }
}
