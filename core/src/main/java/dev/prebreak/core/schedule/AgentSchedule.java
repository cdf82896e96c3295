package dev.prebreak.core.schedule;

import java.util.List;
import java.util.Objects;

/**
 * The published activities of one agent over a window, flattened from all of their shifts
 * (split and overlapping shifts included; duplicates are tolerated and folded by the planner).
 */
public record AgentSchedule(String userId, List<Activity> activities) {
    public AgentSchedule {
        Objects.requireNonNull(userId, "userId");
        activities = List.copyOf(activities);
    }
}
