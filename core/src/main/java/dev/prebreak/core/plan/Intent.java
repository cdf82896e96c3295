package dev.prebreak.core.plan;

import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import java.util.Optional;

/**
 * Something the planner may do for an agent once it knows their presence.
 *
 * @param rule absent when a record's rule is no longer configured
 */
public record Intent(ActionKind kind, ActivityKey key, Optional<Activity> activity, Optional<Rule> rule,
                     Optional<ActivityRecord> record) {
}
