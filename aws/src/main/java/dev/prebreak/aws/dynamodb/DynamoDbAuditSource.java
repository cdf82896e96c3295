package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditSource;
import dev.prebreak.core.audit.AuditUnreadableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The audit records {@link DynamoDbAuditLog} wrote, read back one business unit at a time: a Query of
 * the unit's partition between two sort keys, page by page. The table's key cannot list its units
 * without scanning every item (state and 90 days of audit alike), so the units must be named.
 */
public final class DynamoDbAuditSource implements AuditSource {
    private final DynamoDbClient dynamo;
    private final String table;
    private final boolean ownsClient;

    /** Reads {@code table} with {@code dynamo}, which the caller keeps and closes. */
    public DynamoDbAuditSource(DynamoDbClient dynamo, String table) {
        this(dynamo, table, false);
    }

    DynamoDbAuditSource(DynamoDbClient dynamo, String table, boolean ownsClient) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.ownsClient = ownsClient;
    }

    @Override
    public List<AuditRecord> read(Set<String> units, Instant from, Instant to) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("the audit table is read one business unit at a time: name the units");
        }
        List<AuditRecord> records = new ArrayList<>();
        for (String unit : units) {
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#pk", StateItems.PK, "#sk", StateItems.SK))
                    // Sort keys are "<time>#<user>#<random>": every one of [from, to) sorts between the two bare
                    // times, and one at exactly `to` sorts after it.
                    .expressionAttributeValues(Map.of(
                            ":pk", StateItems.s(AuditItems.partition(unit)),
                            ":from", StateItems.s(StateItems.sortable(from)),
                            ":to", StateItems.s(StateItems.sortable(to))))
                    .consistentRead(true)
                    .build();
            try {
                dynamo.queryPaginator(query).items().forEach(item -> records.add(AuditItems.record(item)));
            } catch (ResourceNotFoundException e) {
                throw new AuditUnreadableException("no table " + table + " in this account and region (" + e.awsErrorDetails().errorMessage() + ")", e);
            } catch (SdkException e) {
                throw new AuditUnreadableException("cannot read the audit in table " + table + ": " + e.getMessage(), e);
            }
        }
        records.sort(Comparator.comparing(AuditRecord::at));
        return records;
    }

    @Override
    public void close() {
        if (ownsClient) {
            dynamo.close();
        }
    }
}
