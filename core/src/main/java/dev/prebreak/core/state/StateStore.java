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
     * Replaces the record for {@code next.key()} only if it is still in {@code expected} status;
     * false when it was changed or removed meanwhile.
     */
    boolean replace(RecordStatus expected, ActivityRecord next);

    /** Removes a record only if it is still in {@code expected} status (used to release a claim). */
    boolean remove(ActivityKey key, RecordStatus expected);
}
