package dev.prebreak.genesys.wire;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import java.time.Instant;

/**
 * {@code User} with the {@code presence} and {@code routingStatus} expands. The expands are best
 * effort: whichever is missing stays null in the agent state, never guessed; so does a value this version
 * does not know (with a warning), which the planner never takes as eligible.
 */
public record UserAnswer(String id, String name, UserPresenceAnswer presence, RoutingStatusAnswer routingStatus) {

    public AgentState toAgentState() {
        String userId = WireException.required(id, "entities[].id");
        String presenceId = null;
        SystemPresence system = null;
        Instant modified = null;
        if (presence != null && presence.presenceDefinition() != null) {
            presenceId = presence.presenceDefinition().id();
            String wireSystem = presence.presenceDefinition().systemPresence();
            system = SystemPresence.parse(wireSystem).orElse(null);
            if (system == null && wireSystem != null) {
                UnknownValues.seen("user presence systemPresence", wireSystem,
                        "agents shown in it are read as in an unknown presence and left alone");
            }
            modified = presence.modifiedAt("entities[].presence.modifiedDate");
        }
        RoutingStatus routing = routingStatus == null ? null
                : RoutingStatus.parse(routingStatus.status()).orElse(null);
        if (routing == null && routingStatus != null && routingStatus.status() != null) {
            UnknownValues.seen("routing status", routingStatus.status(),
                    "agents with it are read as in an unknown routing status and left alone");
        }
        return new AgentState(userId, presenceId, system, routing, modified);
    }
}
