package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import dev.prebreak.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The state store of the Lambda: one DynamoDB table shared by every invocation, so that overlapping
 * invocations (a slow tick and the next minute's, or a retry) see each other's claims.
 *
 * <p>Every write is conditional and the condition is checked by DynamoDB atomically: an insert only
 * where no item exists, a replace or remove only while the item is in the expected status. Of two
 * invocations racing for one activity exactly one write succeeds; the other gets {@code false}.
 * Items carry a TTL ({@code expiresAt}), so the table stays the size of two days of breaks.
 *
 * <p>DynamoDB deletes an expired item only within a few days of its expiry, not at once, so the store
 * itself treats an item past {@code expiresAt} (by its own clock) as gone: it is never returned, and it
 * never blocks an insert. The TTL lies {@link StateItems#KEEP_AFTER_END} after the activity's end, past the
 * last moment any tick can act on the activity (a pre-break before the start, a revert or the at-start
 * change before the end), so an expiry can never make an activity due twice.
 */
public final class DynamoDbStateStore implements StateStore {
    /**
     * No WFM activity lasts longer than this (an activity sits inside a shift, and schedules are
     * published a week at a time). It bounds the Query: records that start earlier have ended.
     */
    static final Duration LONGEST_ACTIVITY = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbStateStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ActivityRecord> records(String businessUnitId, Instant endingAfter) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :bu AND #sk >= :from")
                .filterExpression("#end >= :endingAfter AND #expires > :now")
                .expressionAttributeNames(Map.of("#pk", StateItems.PK, "#sk", StateItems.SK, "#end", StateItems.END,
                        "#expires", StateItems.EXPIRES))
                .expressionAttributeValues(Map.of(
                        ":bu", StateItems.s(businessUnitId),
                        ":from", StateItems.s(StateItems.sortable(endingAfter.minus(LONGEST_ACTIVITY))),
                        ":endingAfter", StateItems.s(StateItems.sortable(endingAfter)),
                        ":now", epochSeconds(clock.instant())))
                // A claim written a moment ago by an overlapping invocation must be seen.
                .consistentRead(true);
        List<ActivityRecord> records = new ArrayList<>();
        Map<String, AttributeValue> from = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(from).build());
            page.items().forEach(item -> records.add(StateItems.record(item)));
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return records;
    }

    @Override
    public boolean insert(ActivityRecord record) {
        return put(PutItemRequest.builder()
                .tableName(table)
                .item(StateItems.item(record))
                // An expired item that DynamoDB has not deleted yet is gone, as far as prebreak is concerned.
                .conditionExpression("attribute_not_exists(#sk) OR #expires <= :now")
                .expressionAttributeNames(Map.of("#sk", StateItems.SK, "#expires", StateItems.EXPIRES))
                .expressionAttributeValues(Map.of(":now", epochSeconds(clock.instant())))
                .build());
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }

    @Override
    public boolean replace(ActivityRecord current, ActivityRecord next) {
        return put(PutItemRequest.builder()
                .tableName(table)
                .item(StateItems.item(next))
                .conditionExpression(SAME_VERSION)
                .expressionAttributeNames(Map.of("#status", StateItems.STATUS, "#updatedAt", StateItems.UPDATED))
                .expressionAttributeValues(version(current))
                .build());
    }

    /** The stored item is still the record the caller read: same status and same update time. */
    private static final String SAME_VERSION = "#status = :expected AND #updatedAt = :updatedAt";

    private static Map<String, AttributeValue> version(ActivityRecord current) {
        return Map.of(":expected", StateItems.s(current.status().name()),
                ":updatedAt", StateItems.s(StateItems.sortable(current.updatedAt())));
    }

    @Override
    public boolean remove(ActivityRecord current) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(StateItems.key(current.key()))
                    .conditionExpression(SAME_VERSION)
                    .expressionAttributeNames(Map.of("#status", StateItems.STATUS, "#updatedAt", StateItems.UPDATED))
                    .expressionAttributeValues(version(current))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean put(PutItemRequest request) {
        try {
            dynamo.putItem(request);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // another invocation wrote first: the caller leaves this activity alone
        }
    }

    @Override
    public String toString() {
        return "DynamoDbStateStore[" + table + "]";
    }
}
