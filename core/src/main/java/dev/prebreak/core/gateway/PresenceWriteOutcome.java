package dev.prebreak.core.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether one agent's presence write took effect; {@code error} says why not.
 *
 * @param uncertain the write failed in a way that leaves open whether Genesys applied it (retries ran
 *        out on 5xx, an answer that could not be read): the caller must find out before writing again
 */
public record PresenceWriteOutcome(String userId, boolean applied, Optional<String> error, boolean uncertain) {
    public PresenceWriteOutcome {
        Objects.requireNonNull(userId, "userId");
        error = Objects.requireNonNullElse(error, Optional.empty());
    }

    public static PresenceWriteOutcome applied(String userId) {
        return new PresenceWriteOutcome(userId, true, Optional.empty(), false);
    }

    /** Genesys said no, or answered without this agent: the presence was not set. */
    public static PresenceWriteOutcome failed(String userId, String error) {
        return new PresenceWriteOutcome(userId, false, Optional.of(error), false);
    }

    /** The write may or may not have been applied. */
    public static PresenceWriteOutcome uncertain(String userId, String error) {
        return new PresenceWriteOutcome(userId, false, Optional.of(error), true);
    }
}
