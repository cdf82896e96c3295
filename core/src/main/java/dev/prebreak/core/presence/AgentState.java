package dev.prebreak.core.presence;

import java.util.Objects;
import java.util.Optional;

/**
 * What an agent is doing now, as read from Genesys. Any part may be missing (the API's expands are
 * best effort); a missing part is never taken as eligible.
 */
public record AgentState(String userId, String presenceId, SystemPresence systemPresence,
                         RoutingStatus routingStatus) {
    public AgentState {
        Objects.requireNonNull(userId, "userId");
    }

    public Optional<String> presence() {
        return Optional.ofNullable(presenceId);
    }

    public Optional<SystemPresence> system() {
        return Optional.ofNullable(systemPresence);
    }

    public Optional<RoutingStatus> routing() {
        return Optional.ofNullable(routingStatus);
    }

    public boolean isIn(PresenceDefinition presence) {
        return presence.id().equals(presenceId);
    }
}
