package dev.prebreak.genesys.wire;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import java.time.Instant;

/**
 * {@code User} with the {@code presence} and {@code routingStatus} expands. The expands are best
 * effort: whichever is missing stays null in the agent state, never guessed.
 */
public record UserAnswer(String id, String name, UserPresenceAnswer presence, RoutingStatusAnswer routingStatus) {

    public AgentState toAgentState() {
        String userId = WireException.required(id, "entities[].id");
        String presenceId = null;
        SystemPresence system = null;
        Instant modified = null;
        if (presence != null && presence.presenceDefinition() != null) {
            presenceId = presence.presenceDefinition().id();
            system = SystemPresence.parse(presence.presenceDefinition().systemPresence()).orElse(null);
            modified = presence.modifiedAt("entities[].presence.modifiedDate");
        }
        RoutingStatus routing = routingStatus == null ? null
                : RoutingStatus.parse(routingStatus.status()).orElse(null);
        return new AgentState(userId, presenceId, system, routing, modified);
    }
}
