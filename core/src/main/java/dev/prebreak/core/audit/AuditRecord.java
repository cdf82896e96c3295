package dev.prebreak.core.audit;

import dev.prebreak.core.plan.ActionKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One presence change prebreak made or tried: who, when, which activity, which rule, and how it went.
 *
 * @param fromPresenceId the agent's presence when prebreak decided, if known
 * @param agentName the agent's display name, empty when not known: for the people who read the audit
 * @param timeZone the business unit's time zone, in which people read {@code activityStart}; UTC if unknown
 */
public record AuditRecord(Instant at, String businessUnitId, String userId, ActionKind kind, String ruleName,
                          Instant activityStart, String fromPresenceId, String toPresenceId, Outcome outcome,
                          String detail, String agentName, ZoneId timeZone) {
    public enum Outcome {
        /** Genesys confirmed the new presence. */
        APPLIED,
        /** The write certainly did not land; prebreak tries again next tick while the activity is still due. */
        FAILED,
        /**
         * The write's answer was lost or unreadable: it may have landed. It is never simply repeated; a
         * later tick reads the agent's presence and records APPLIED, UNCONFIRMED or FAILED.
         */
        UNCERTAIN,
        /**
         * Applied, unconfirmed: a write that may have landed, after which the agent's presence changed, so
         * whether it landed cannot be known. It is not repeated.
         */
        UNCONFIRMED,
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
        agentName = agentName == null ? "" : agentName;
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    /** Without the agent's name and the unit's time zone. */
    public AuditRecord(Instant at, String businessUnitId, String userId, ActionKind kind, String ruleName,
                       Instant activityStart, String fromPresenceId, String toPresenceId, Outcome outcome, String detail) {
        this(at, businessUnitId, userId, kind, ruleName, activityStart, fromPresenceId, toPresenceId, outcome, detail, "", null);
    }
}
