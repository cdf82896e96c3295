package dev.prebreak.core.tick;

import java.time.Instant;

/** A pre-break prebreak expects to set soon, as far as the cached schedules tell. */
public record UpcomingAction(String businessUnitId, String userId, String ruleName, Instant triggerAt, Instant activityStart) {
}
