package dev.prebreak.core.audit;

import dev.prebreak.core.plan.ActionKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One presence change prebreak made or tried: who, when, which activity, which rule, and how it went.
 *
 * @param fromPresenceId the agent's presence when prebreak decided, if known
 */
public record AuditRecord(Instant at, String businessUnitId, String userId, ActionKind kind, String ruleName,
                          Instant activityStart, String fromPresenceId, String toPresenceId, Outcome outcome,
                          String detail) {
    public enum Outcome {
        /** Genesys confirmed the new presence. */
        APPLIED,
        /** The write failed; prebreak tries again next tick while the activity is still due. */
        FAILED,
        /** Dry run: this is what would have been done. */
        DRY_RUN,
        /** Another tick (an overlapping invocation) claimed the activity first; this one left it alone. */
        TAKEN_BY_ANOTHER_TICK
    }

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }
}
