package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an {@link ActivityRecord} is laid out in the table.
 *
 * <p>Partition key {@code pk}: the business unit. Sort key {@code sk}: activity start, user, rule, so
 * that the records of one unit come back from one Query in start order. Times are written with a fixed
 * width ({@link #sortable}) because {@code Instant.toString()} drops trailing zeros and would not sort
 * as text. {@code expiresAt} (epoch seconds) is the table's TTL attribute.
 */
final class StateItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String USER = "userId";
    static final String RULE = "ruleName";
    static final String START = "activityStart";
    static final String END = "activityEnd";
    static final String STATUS = "status";
    static final String PRESENCE = "presenceId";
    static final String UPDATED = "updatedAt";
    static final String EXPIRES = "expiresAt";

    /** How long a record outlives its activity: long enough for a late revert check, then DynamoDB drops it. */
    static final Duration KEEP_AFTER_END = Duration.ofDays(2);

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StateItems() {
    }

    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    static Map<String, AttributeValue> key(ActivityKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(key.businessUnitId()));
        item.put(SK, s(sortKey(key)));
        return item;
    }

    /** Components are URL-encoded so that a {@code #} in a rule name cannot make two keys collide. */
    static String sortKey(ActivityKey key) {
        return sortable(key.activityStart()) + "#" + encode(key.userId()) + "#" + encode(key.ruleName());
    }

    static Map<String, AttributeValue> item(ActivityRecord record) {
        Map<String, AttributeValue> item = key(record.key());
        item.put(USER, s(record.key().userId()));
        item.put(RULE, s(record.key().ruleName()));
        item.put(START, s(sortable(record.key().activityStart())));
        item.put(END, s(sortable(record.activityEnd())));
        item.put(STATUS, s(record.status().name()));
        if (record.presenceId() != null) {
            item.put(PRESENCE, s(record.presenceId()));
        }
        item.put(UPDATED, s(sortable(record.updatedAt())));
        item.put(EXPIRES, AttributeValue.fromN(Long.toString(record.activityEnd().plus(KEEP_AFTER_END).getEpochSecond())));
        return item;
    }

    static ActivityRecord record(Map<String, AttributeValue> item) {
        ActivityKey key = new ActivityKey(item.get(PK).s(), item.get(USER).s(), Instant.parse(item.get(START).s()),
                item.get(RULE).s());
        AttributeValue presence = item.get(PRESENCE);
        return new ActivityRecord(key, RecordStatus.valueOf(item.get(STATUS).s()), presence == null ? null : presence.s(),
                Instant.parse(item.get(END).s()), Instant.parse(item.get(UPDATED).s()));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
