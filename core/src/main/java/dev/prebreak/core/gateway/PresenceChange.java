package dev.prebreak.core.gateway;

import dev.prebreak.core.presence.PresenceDefinition;
import java.util.Objects;

/** A presence to set on one agent. */
public record PresenceChange(String userId, PresenceDefinition target) {
    public PresenceChange {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(target, "target");
    }
}
