package dev.prebreak.core.plan;

import dev.prebreak.core.state.ActivityKey;

/** What the planner decided for one agent and one activity: an {@link Action} or a {@link Skip}. */
public sealed interface Decision permits Action, Skip {
    String userId();

    ActivityKey key();
}
