package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an {@link AuditRecord} is laid out in the state table: partition {@code audit#<business unit>},
 * sort key the time (fixed width, so it sorts as text), the agent and a random tail, so that one
 * Query reads a unit's records between two instants in time order.
 */
final class AuditItems {
    static final String PARTITION_PREFIX = "audit#";
    /** How long records are kept (the TTL attribute, counted from the record's time). */
    static final Duration RETENTION = Duration.ofDays(90);
    /** The partition of records whose unit was not known. */
    static final String UNKNOWN_UNIT = "unknown";

    private AuditItems() {
    }

    static String partition(String businessUnitId) {
        return PARTITION_PREFIX + (businessUnitId == null ? UNKNOWN_UNIT : businessUnitId);
    }

    static Map<String, AttributeValue> item(AuditRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(StateItems.PK, StateItems.s(partition(r.businessUnitId())));
        // The random tail keeps two records of one instant apart.
        item.put(StateItems.SK, StateItems.s(StateItems.sortable(r.at()) + "#" + r.userId() + "#" + UUID.randomUUID()));
        item.put("at", StateItems.s(r.at().toString()));
        item.put("userId", StateItems.s(r.userId()));
        item.put("kind", StateItems.s(r.kind().name()));
        item.put("outcome", StateItems.s(r.outcome().name()));
        put(item, "ruleName", r.ruleName());
        put(item, "activityStart", r.activityStart() == null ? null : r.activityStart().toString());
        put(item, "fromPresenceId", r.fromPresenceId());
        put(item, "toPresenceId", r.toPresenceId());
        put(item, "detail", r.detail().isEmpty() ? null : r.detail());
        // For people reading the table, and for the report, which counts a unit's day in its own time zone.
        put(item, "agentName", r.agentName().isEmpty() ? null : r.agentName());
        item.put("timeZone", StateItems.s(r.timeZone().getId()));
        item.put(StateItems.EXPIRES, AttributeValue.fromN(Long.toString(r.at().plus(RETENTION).getEpochSecond())));
        return item;
    }

    /** The record an item holds; items written before names and zones were stored read with none (UTC). */
    static AuditRecord record(Map<String, AttributeValue> item) {
        String pk = item.get(StateItems.PK).s();
        String unit = pk.substring(PARTITION_PREFIX.length());
        return new AuditRecord(Instant.parse(text(item, "at")), UNKNOWN_UNIT.equals(unit) ? null : unit, text(item, "userId"),
                ActionKind.valueOf(text(item, "kind")), text(item, "ruleName"), instant(text(item, "activityStart")),
                text(item, "fromPresenceId"), text(item, "toPresenceId"), Outcome.valueOf(text(item, "outcome")),
                text(item, "detail"), text(item, "agentName"), zone(text(item, "timeZone")));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null; // a zone this JVM does not know: read as UTC rather than not at all
        }
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, StateItems.s(value));
        }
    }
}
