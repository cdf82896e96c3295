package dev.prebreak.sim.org;

import java.time.Instant;

/**
 * One presence write, as the ground truth tests and benchmarks assert against. A write that sets the
 * presence an agent already has is recorded too (from equals to), so redundant writes are visible.
 */
public record PresenceChange(long sequence, String userId, String fromPresenceId, SystemPresence fromSystemPresence,
                             String toPresenceId, SystemPresence toSystemPresence, Instant at, String clientId,
                             String endpoint) {

    public boolean redundant() {
        return fromPresenceId.equals(toPresenceId);
    }
}
