package dev.prebreak.core.gateway;

import java.util.Objects;
import java.util.Optional;

/** Whether one agent's presence write took effect; {@code error} says why not. */
public record PresenceWriteOutcome(String userId, boolean applied, Optional<String> error) {
    public PresenceWriteOutcome {
        Objects.requireNonNull(userId, "userId");
        error = Objects.requireNonNullElse(error, Optional.empty());
    }

    public static PresenceWriteOutcome applied(String userId) {
        return new PresenceWriteOutcome(userId, true, Optional.empty());
    }

    public static PresenceWriteOutcome failed(String userId, String error) {
        return new PresenceWriteOutcome(userId, false, Optional.of(error));
    }
}
