package dev.prebreak.aws.dynamodb;

import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Audit records as items of the state table, under the partition {@code audit#<business unit>}, sorted
 * by time, kept for {@link #RETENTION} by the same TTL attribute. They sit apart from the state
 * records (whose partition is the bare unit id), so the state Query never reads them.
 *
 * <p>Records are collected during a tick and written in batches by {@link #flush()}: one call per 25
 * changes instead of one per change. A failed write is logged, never thrown: the tick's changes are
 * already made, and the same records are in the log stream.
 */
public final class DynamoDbAuditLog implements AuditLog {
    public static final String PARTITION_PREFIX = AuditItems.PARTITION_PREFIX;
    static final Duration RETENTION = AuditItems.RETENTION;
    private static final int BATCH = 25;
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbAuditLog.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<Map<String, AttributeValue>> pending = new ArrayList<>();

    public DynamoDbAuditLog(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public synchronized void record(AuditRecord record) {
        pending.add(AuditItems.item(record));
    }

    /** Writes what was recorded since the last flush; returns how many records could not be written. */
    public synchronized int flush() {
        int lost = 0;
        for (int i = 0; i < pending.size(); i += BATCH) {
            lost += write(pending.subList(i, Math.min(pending.size(), i + BATCH)));
        }
        pending.clear();
        if (lost > 0) {
            LOG.warn("{} audit records could not be written to table {}; they are in the log stream", lost, table);
        }
        return lost;
    }

    private int write(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> requests = new ArrayList<>();
        items.forEach(item -> requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()));
        Map<String, List<WriteRequest>> unprocessed = Map.of(table, requests);
        try {
            for (int attempt = 0; attempt < ATTEMPTS && !unprocessed.isEmpty(); attempt++) {
                BatchWriteItemResponse answer = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(unprocessed).build());
                unprocessed = answer.hasUnprocessedItems() ? answer.unprocessedItems() : Map.of();
            }
        } catch (SdkException e) {
            LOG.warn("audit batch write to table {} failed: {}", table, e.getMessage());
            return items.size();
        }
        return unprocessed.getOrDefault(table, List.of()).size();
    }
}
