package dev.prebreak.sim.org;

import java.time.Instant;

/**
 * An agent to load into an org: who they are, where they sit, their presence when loaded and, optionally,
 * an interaction in progress until {@code interactionUntil}. {@code seed} drives their future interactions.
 */
public record NewAgent(String id, String name, String businessUnitId, String managementUnitId, String presenceId,
                       Instant presenceModified, Instant interactionUntil, long seed) {
}
