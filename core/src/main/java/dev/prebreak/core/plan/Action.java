package dev.prebreak.core.plan;

import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * Set presence {@code target} on agent {@code key.userId()} because of activity {@code key} under rule
 * {@code key.ruleName()}.
 *
 * @param activity the scheduled activity, absent for a revert of one that vanished
 * @param record what the state store holds for the activity, absent for a first pre-break
 */
public record Action(ActionKind kind, ActivityKey key, Optional<Activity> activity, PresenceDefinition target,
                     Optional<ActivityRecord> record) implements Decision {
    public Action {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(target, "target");
        activity = Objects.requireNonNullElse(activity, Optional.empty());
        record = Objects.requireNonNullElse(record, Optional.empty());
    }

    @Override
    public String userId() {
        return key.userId();
    }

    @Override
    public String toString() {
        return kind + " " + key + " -> " + target;
    }
}
