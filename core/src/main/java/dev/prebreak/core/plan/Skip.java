package dev.prebreak.core.plan;

import dev.prebreak.core.state.ActivityKey;
import java.util.Objects;

/** prebreak left the agent alone for activity {@code key}, for {@code reason}; {@code detail} says more. */
public record Skip(SkipReason reason, ActionKind wouldHaveBeen, ActivityKey key, String detail) implements Decision {
    public Skip {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(wouldHaveBeen, "wouldHaveBeen");
        Objects.requireNonNull(key, "key");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String userId() {
        return key.userId();
    }
}
