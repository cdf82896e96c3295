package dev.prebreak.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbStateStoreTest {
    private static final String BU = "bu-1";
    /**
     * Near the real clock, whatever day the suite runs: DynamoDB Local deletes items whose TTL has
     * passed by the real clock, so a fixed date would make records vanish once the calendar reaches it.
     */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)).plusSeconds(900);

    private final DynamoDbClient dynamo = LocalDynamoDb.shared().client();
    private String table;
    private DynamoDbStateStore store;
    private ExecutorService threads;

    @BeforeEach
    void table() {
        table = LocalDynamoDb.shared().newTable();
        store = new DynamoDbStateStore(dynamo, table, Clock.systemUTC());
    }

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** The store as an invocation at {@code now} sees the table. */
    private DynamoDbStateStore storeAt(Instant now) {
        return new DynamoDbStateStore(dynamo, table, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ActivityRecord record(String bu, String user, Instant start, String rule, RecordStatus status) {
        return new ActivityRecord(new ActivityKey(bu, user, start, rule), status, "pre-break-id", start.plus(Duration.ofMinutes(15)),
                start.minus(Duration.ofMinutes(15)));
    }

    @Test
    void an_inserted_record_comes_back_whole_and_a_second_insert_loses() {
        Instant oddStart = START.plusNanos(123_456_789); // sub-second starts survive the fixed-width format
        ActivityRecord first = record(BU, "user-a", oddStart, "breaks", RecordStatus.CLAIMED);
        ActivityRecord rival = record(BU, "user-a", oddStart, "breaks", RecordStatus.IN_PRE_BREAK);

        assertThat(store.insert(first)).isTrue();
        assertThat(store.insert(rival)).isFalse();

        assertThat(store.records(BU, START)).containsExactly(first);
    }

    @Test
    void a_record_without_presence_round_trips() {
        ActivityRecord r = new ActivityRecord(new ActivityKey(BU, "user-a", START, "breaks"), RecordStatus.CLOSED, null,
                START.plusSeconds(900), START);
        store.insert(r);
        assertThat(store.records(BU, START)).containsExactly(r);
    }

    @Test
    void replace_and_remove_only_while_the_status_is_the_expected_one() {
        ActivityRecord claimed = record(BU, "user-a", START, "breaks", RecordStatus.CLAIMED);
        store.insert(claimed);
        ActivityRecord done = claimed.withStatus(RecordStatus.IN_PRE_BREAK, START);

        assertThat(store.replace(claimed.withStatus(RecordStatus.IN_PRE_BREAK, claimed.updatedAt()), claimed.withStatus(RecordStatus.REVERTED, START))).isFalse();
        assertThat(store.replace(claimed, done)).isTrue();
        assertThat(store.remove(claimed)).isFalse();
        assertThat(store.records(BU, START)).containsExactly(done);

        assertThat(store.remove(done)).isTrue();
        assertThat(store.records(BU, START)).isEmpty();
    }

    @Test
    void replace_never_creates_a_record() {
        ActivityRecord absent = record(BU, "user-a", START, "breaks", RecordStatus.IN_PRE_BREAK);
        assertThat(store.replace(absent.withStatus(RecordStatus.CLAIMED, absent.updatedAt()), absent)).isFalse();
        assertThat(store.remove(absent)).isFalse();
        assertThat(store.records(BU, START.minus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void records_are_those_of_the_unit_ending_at_or_after_the_instant_in_start_order() {
        ActivityRecord ended = record(BU, "user-a", START.minus(Duration.ofHours(2)), "breaks", RecordStatus.CLOSED);
        ActivityRecord endsNow = record(BU, "user-b", START.minus(Duration.ofMinutes(15)), "breaks", RecordStatus.CLOSED);
        ActivityRecord later = record(BU, "user-c", START.plus(Duration.ofHours(1)), "breaks", RecordStatus.IN_PRE_BREAK);
        ActivityRecord soon = record(BU, "user-d", START, "meals", RecordStatus.IN_PRE_BREAK);
        ActivityRecord otherUnit = record("bu-2", "user-e", START, "breaks", RecordStatus.IN_PRE_BREAK);
        List.of(ended, endsNow, later, soon, otherUnit).forEach(store::insert);
        // An audit item lives in its own partition and never shows up among the records.
        DynamoDbAuditLog audit = new DynamoDbAuditLog(dynamo, table);
        audit.record(new AuditRecord(START, BU, "user-d", ActionKind.PRE_BREAK, "meals", START, null, "p", AuditRecord.Outcome.APPLIED, ""));
        audit.flush();

        assertThat(store.records(BU, START)).containsExactly(endsNow, soon, later);
    }

    @Test
    void a_long_activity_that_started_days_ago_is_still_found() {
        ActivityRecord week = new ActivityRecord(new ActivityKey(BU, "user-a", START.minus(Duration.ofDays(6)), "training"),
                RecordStatus.IN_PRE_BREAK, "p", START.plus(Duration.ofHours(1)), START);
        store.insert(week);
        assertThat(store.records(BU, START)).containsExactly(week);
    }

    @Test
    void keys_with_separators_in_them_do_not_collide() {
        ActivityRecord a = record(BU, "user#1", START, "x", RecordStatus.CLAIMED);
        ActivityRecord b = record(BU, "user", START, "1#x", RecordStatus.CLAIMED);
        assertThat(store.insert(a)).isTrue();
        assertThat(store.insert(b)).isTrue();
        assertThat(store.records(BU, START)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void every_item_carries_a_ttl_two_days_after_the_activity_ends() {
        ActivityRecord r = record(BU, "user-a", START, "breaks", RecordStatus.CLAIMED);
        store.insert(r);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(StateItems.key(r.key())).consistentRead(true)).item();

        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(r.activityEnd().plus(Duration.ofDays(2)).getEpochSecond()));
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
    }

    @Test
    void an_item_past_its_expiry_that_dynamodb_has_not_deleted_yet_is_gone() {
        ActivityRecord claim = record(BU, "user-a", START, "breaks", RecordStatus.CLAIMED);
        store.insert(claim);
        Instant expiry = claim.activityEnd().plus(StateItems.KEEP_AFTER_END);
        DynamoDbStateStore justBefore = storeAt(expiry.minusSeconds(1));
        DynamoDbStateStore after = storeAt(expiry); // DynamoDB deletes expired items within days, not at once
        Instant longAgo = START.minus(Duration.ofDays(1));

        assertThat(justBefore.records(BU, longAgo)).containsExactly(claim);
        assertThat(after.records(BU, longAgo)).as("an expired claim is not a live one").isEmpty();
        assertThat(dynamo.getItem(b -> b.tableName(table).key(StateItems.key(claim.key())).consistentRead(true)).hasItem())
                .as("the item is still in the table").isTrue();

        ActivityRecord next = claim.withStatus(RecordStatus.IN_PRE_BREAK, expiry);
        assertThat(justBefore.insert(next)).as("a live item blocks an insert").isFalse();
        assertThat(after.insert(next)).as("an expired leftover does not").isTrue();
        assertThat(after.records(BU, longAgo)).isEmpty();
        assertThat(storeAt(START).records(BU, longAgo)).containsExactly(next);
    }

    /**
     * A tick acts on an activity from its trigger time (at most two hours before the start, the longest
     * lead) until its end (a revert or the at-start change), and it asks for the records ending at or
     * after its own time. If the TTL fell inside that span, the record would vanish and the activity
     * would be due again.
     */
    @Test
    void the_ttl_outlives_every_moment_a_tick_can_act_on_the_activity() {
        for (Duration length : List.of(Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofDays(6))) {
            ActivityRecord r = new ActivityRecord(new ActivityKey(BU, "user-" + length, START, "breaks"), RecordStatus.IN_PRE_BREAK,
                    "pre-break-id", START.plus(length), START.minus(Duration.ofHours(2)));
            assertThat(store.insert(r)).isTrue();
            for (Instant now : List.of(START.minus(Duration.ofHours(2)), START, r.activityEnd())) {
                assertThat(storeAt(now).records(BU, now)).as("%s long, at %s", length, now).contains(r);
                assertThat(storeAt(now).insert(r.withStatus(RecordStatus.CLAIMED, now))).as("%s long, at %s", length, now).isFalse();
            }
        }
    }

    @Test
    void audit_items_are_written_in_batches_with_their_own_ttl() {
        DynamoDbAuditLog audit = new DynamoDbAuditLog(dynamo, table);
        for (int i = 0; i < 30; i++) {
            audit.record(new AuditRecord(START, BU, "user-" + i, ActionKind.PRE_BREAK, "breaks", START.plusSeconds(900),
                    "on-queue", "pre-break", AuditRecord.Outcome.APPLIED, ""));
        }
        assertThat(audit.flush()).isZero();

        List<Map<String, AttributeValue>> items = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("audit#" + BU)))).items();
        assertThat(items).hasSize(30);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("outcome").s()).isEqualTo("APPLIED");
            assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(START.plus(Duration.ofDays(90)).getEpochSecond()));
        });
        assertThat(audit.flush()).as("nothing left to write").isZero();
    }

    @Test
    void of_two_racing_writers_exactly_one_wins_each_activity() throws Exception {
        int activities = 60;
        threads = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Integer>>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            DynamoDbStateStore own = new DynamoDbStateStore(dynamo, table, Clock.systemUTC()); // as two invocations would
            Callable<List<Integer>> writer = () -> {
                go.await();
                List<Integer> won = new ArrayList<>();
                for (int i = 0; i < activities; i++) {
                    if (own.insert(record(BU, "user-" + i, START, "breaks", RecordStatus.CLAIMED))) {
                        won.add(i);
                    }
                }
                return won;
            };
            writers.add(threads.submit(writer));
        }
        go.countDown();
        List<Integer> first = writers.get(0).get();
        List<Integer> second = writers.get(1).get();

        assertThat(first.size() + second.size()).isEqualTo(activities);
        // One writer may win every activity (if it ran first): what matters is that none is won twice.
        Set<Integer> wonByBoth = new HashSet<>(first);
        wonByBoth.retainAll(second);
        assertThat(wonByBoth).as("activities both writers won").isEmpty();
        assertThat(store.records(BU, START)).hasSize(activities);
    }
}
