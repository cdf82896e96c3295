package dev.prebreak.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * What the state store remembers about one activity prebreak acted on.
 *
 * @param presenceId the pre-break presence prebreak set, to tell later whether the agent is still in it
 * @param activityEnd when the activity ends; the record is of no use after that (stores may expire it)
 * @param updatedAt when this record was last written
 */
public record ActivityRecord(ActivityKey key, RecordStatus status, String presenceId, Instant activityEnd,
                             Instant updatedAt) {
    public ActivityRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activityEnd, "activityEnd");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public ActivityRecord withStatus(RecordStatus next, Instant at) {
        return new ActivityRecord(key, next, presenceId, activityEnd, at);
    }
}
