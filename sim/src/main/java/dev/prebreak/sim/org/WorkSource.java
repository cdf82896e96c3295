package dev.prebreak.sim.org;

import java.time.Instant;

/**
 * Contact-centre work that drives agents' routing status in place of the per-agent generated
 * interactions: a queue model attached to the org ({@link Org#attachWork}). The org brings it up to the
 * clock before every read and every write, and tells it of presence writes made through the API.
 */
public interface WorkSource {
    /** Runs the model up to {@code now}; never backwards. */
    void advanceTo(Instant now);

    /** A presence written through the API (or the control API) at {@code at}: routing follows it. */
    void presenceChanged(String userId, PresenceDefinition to, Instant at);

    /** What the agent holds now; null when nothing. */
    HeldWork held(String userId);

    /** When the agent last held nothing after holding work (null: never held any). */
    Instant idleSince(String userId);
}
