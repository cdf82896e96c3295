package dev.prebreak.core.presence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent is doing now, as read from Genesys. Any part may be missing (the API's expands are
 * best effort); a missing part is never taken as eligible.
 *
 * @param presenceModifiedAt when the presence last changed, by Genesys' clock ({@code modifiedDate}); it
 *        tells whether anything touched the presence since prebreak claimed a write (null: unknown)
 * @param workInHand the interactions the agent holds, for a rule with an adaptive lead (null: not read)
 */
public record AgentState(String userId, String presenceId, SystemPresence systemPresence,
                         RoutingStatus routingStatus, Instant presenceModifiedAt, WorkInHand workInHand) {
    public AgentState {
        Objects.requireNonNull(userId, "userId");
    }

    /** A state whose work in hand was not read. */
    public AgentState(String userId, String presenceId, SystemPresence systemPresence, RoutingStatus routingStatus,
                      Instant presenceModifiedAt) {
        this(userId, presenceId, systemPresence, routingStatus, presenceModifiedAt, null);
    }

    /** A state whose presence's modification time is unknown. */
    public AgentState(String userId, String presenceId, SystemPresence systemPresence, RoutingStatus routingStatus) {
        this(userId, presenceId, systemPresence, routingStatus, null);
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

    public Optional<WorkInHand> work() {
        return Optional.ofNullable(workInHand);
    }

    /** The same state with the work in hand read beside it. */
    public AgentState withWork(WorkInHand work) {
        return new AgentState(userId, presenceId, systemPresence, routingStatus, presenceModifiedAt, work);
    }

    public Optional<Instant> presenceModified() {
        return Optional.ofNullable(presenceModifiedAt);
    }

    public boolean isIn(PresenceDefinition presence) {
        return presence.id().equals(presenceId);
    }
}
