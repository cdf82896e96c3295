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
 * @param verdict whether the claimed write landed, as far as can be known
 * @param kind the change the claim was for
 * @param presenceId the presence that change set, or would have set
 */
public record ClaimSettlement(ActivityRecord claim, Optional<ActivityRecord> next, Verdict verdict, ActionKind kind,
                              String presenceId) {

    public enum Verdict {
        /** The agent is in the presence the write set: it landed. */
        LANDED,
        /**
         * The agent's presence changed after the claim, and is not the one the write set: the write may
         * have landed and the agent moved on since, or never landed. It is never repeated.
         */
        MAY_HAVE_LANDED,
        /** The agent's presence has not changed since the claim: the write certainly did not land. */
        DID_NOT_LAND
    }

    public ClaimSettlement {
        Objects.requireNonNull(claim, "claim");
        next = Objects.requireNonNullElse(next, Optional.empty());
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(kind, "kind");
    }
}
