package dev.prebreak.core.plan;

import dev.prebreak.core.state.ActivityRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * How a claim left by an unfinished or uncertain write is settled, once the agent's presence shows
 * whether the write landed.
 *
 * @param next the record that replaces the claim; absent to remove it (the write did not land and the
 *        activity is due again)
 * @param landed the change that did land, to be audited; absent if none did
 * @param landedPresenceId the presence the landed change set
 */
public record ClaimSettlement(ActivityRecord claim, Optional<ActivityRecord> next, Optional<ActionKind> landed,
                              String landedPresenceId) {
    public ClaimSettlement {
        Objects.requireNonNull(claim, "claim");
        next = Objects.requireNonNullElse(next, Optional.empty());
        landed = Objects.requireNonNullElse(landed, Optional.empty());
    }
}
