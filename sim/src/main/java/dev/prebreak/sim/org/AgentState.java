package dev.prebreak.sim.org;

import java.time.Instant;

/** A consistent snapshot of one agent at a moment of sim time. */
public record AgentState(String userId, String name, String businessUnitId, String managementUnitId,
                         PresenceDefinition presence, Instant presenceModified, RoutingStatus routingStatus,
                         Instant routingSince, Instant interactionUntil, boolean interactionsEnabled,
                         long interactionsHandled, HeldWork work) {

    /** A state without a work model: {@code work} is null. */
    public AgentState(String userId, String name, String businessUnitId, String managementUnitId,
                      PresenceDefinition presence, Instant presenceModified, RoutingStatus routingStatus,
                      Instant routingSince, Instant interactionUntil, boolean interactionsEnabled,
                      long interactionsHandled) {
        this(userId, name, businessUnitId, managementUnitId, presence, presenceModified, routingStatus, routingSince,
                interactionUntil, interactionsEnabled, interactionsHandled, null);
    }

    /** Whether an interaction is in progress (the agent stays INTERACTING whatever their presence). */
    public boolean interacting() {
        return routingStatus == RoutingStatus.INTERACTING;
    }

    public AgentState withRoutingStatus(RoutingStatus status) {
        return new AgentState(userId, name, businessUnitId, managementUnitId, presence, presenceModified, status,
                routingSince, interactionUntil, interactionsEnabled, interactionsHandled, work);
    }

    /** The same agent with routing as the work model has it ({@code held} null: holds nothing). */
    public AgentState withWork(RoutingStatus status, Instant since, HeldWork held) {
        return new AgentState(userId, name, businessUnitId, managementUnitId, presence, presenceModified, status,
                since, null, interactionsEnabled, interactionsHandled, held);
    }
}
