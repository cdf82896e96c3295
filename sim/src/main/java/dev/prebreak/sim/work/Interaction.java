package dev.prebreak.sim.work;

import java.time.Instant;

/**
 * Ground truth of one interaction. {@code agentId}, {@code answered}, {@code ended} and {@code acwEnded} are
 * null until they happen; {@code abandoned} is set when the customer left before an agent took it.
 */
public record Interaction(long id, String queue, Media media, Instant offered, String agentId, Instant answered,
                          Instant ended, Instant acwEnded, Instant abandoned) {

    /** Seconds waited before an agent took it, or -1 if none did. */
    public long waitSeconds() {
        return answered == null ? -1 : java.time.Duration.between(offered, answered).toMillis() / 1000;
    }
}
