package dev.prebreak.core.plan;

import dev.prebreak.core.state.ActivityRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * Bookkeeping that needs no call to Genesys: close a record whose work is done, or move a record to
 * the activity's new time when a break was moved but is still due.
 *
 * @param current the record as read (its status is the condition for the write); absent to insert
 */
public record RecordChange(Optional<ActivityRecord> current, ActivityRecord next) {
    public RecordChange {
        current = Objects.requireNonNullElse(current, Optional.empty());
        Objects.requireNonNull(next, "next");
    }

    public static RecordChange insert(ActivityRecord next) {
        return new RecordChange(Optional.empty(), next);
    }

    public static RecordChange replace(ActivityRecord current, ActivityRecord next) {
        return new RecordChange(Optional.of(current), next);
    }
}
