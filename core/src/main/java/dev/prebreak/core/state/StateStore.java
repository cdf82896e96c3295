package dev.prebreak.core.state;

import java.time.Instant;
import java.util.List;

/**
 * Remembers which activities prebreak acted on, so that each is acted on once even across restarts
 * and overlapping ticks. Writes are conditional: two ticks racing for one activity cannot both win.
 */
public interface StateStore {

    /** Records of one business unit whose activity ends at or after {@code endingAfter}. */
    List<ActivityRecord> records(String businessUnitId, Instant endingAfter);

    /** Inserts a record unless one exists for its key; false when another tick got there first. */
    boolean insert(ActivityRecord record);

    /**
     * Replaces {@code current} with {@code next} only if the stored record is still {@code current}: same
     * status and same {@code updatedAt}. False when it was changed or removed meanwhile, even if it was
     * changed back to the same status (a record released and claimed again by another tick).
     */
    boolean replace(ActivityRecord current, ActivityRecord next);

    /** Removes {@code current} only if the stored record is still it (used to release a claim). */
    boolean remove(ActivityRecord current);
}
