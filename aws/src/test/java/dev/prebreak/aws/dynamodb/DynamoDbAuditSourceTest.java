package dev.prebreak.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.audit.AuditSource;
import dev.prebreak.core.audit.AuditTable;
import dev.prebreak.core.audit.AuditUnreadableException;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit the Lambda writes, read back for {@code report}, on the real DynamoDB engine. */
class DynamoDbAuditSourceTest {
    /**
     * A day ago by the real clock: DynamoDB Local deletes items whose TTL (the record's time plus 90 days)
     * has passed by the real clock, so a fixed date would make the records vanish one day.
     */
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final DynamoDbClient dynamo = LocalDynamoDb.shared().client();
    private String table;
    private DynamoDbAuditLog log;
    private DynamoDbAuditSource source;

    @BeforeEach
    void table() {
        table = LocalDynamoDb.shared().newTable();
        log = new DynamoDbAuditLog(dynamo, table);
        source = new DynamoDbAuditSource(dynamo, table);
    }

    private static AuditRecord record(String unit, Instant at, String user, Outcome outcome, String detail) {
        return new AuditRecord(at, unit, user, ActionKind.PRE_BREAK, "breaks", at.plus(Duration.ofMinutes(15)), "on-queue",
                "pre-break", outcome, detail, "Agent " + user, NEW_YORK);
    }

    @Test
    void records_come_back_whole_with_the_agent_s_name_and_the_unit_s_time_zone() {
        AuditRecord written = new AuditRecord(BASE, "bu-1", "u-1", ActionKind.REVERT, "meals", BASE.plusSeconds(600),
                "pre-break", "on-queue", Outcome.UNCERTAIN, "HTTP 502", "Chloe Dubois", NEW_YORK);
        log.record(written);
        assertThat(log.flush()).isZero();

        assertThat(source.read(Set.of("bu-1"), BASE, BASE.plusSeconds(1))).containsExactly(written);
    }

    @Test
    void only_the_units_asked_for_and_only_between_the_two_instants_in_time_order() {
        Instant from = BASE;
        Instant to = BASE.plus(Duration.ofHours(1));
        log.record(record("bu-1", to, "at-the-end", Outcome.APPLIED, ""));
        log.record(record("bu-1", from.plusSeconds(30), "second", Outcome.FAILED, "HTTP 503"));
        log.record(record("bu-1", from, "at-the-start", Outcome.APPLIED, ""));
        log.record(record("bu-1", from.minusMillis(1), "before", Outcome.APPLIED, ""));
        log.record(record("bu-2", from.plusSeconds(10), "other-unit", Outcome.APPLIED, ""));
        log.record(record("bu-3", from.plusSeconds(20), "not-asked", Outcome.APPLIED, ""));
        log.flush();

        List<AuditRecord> read = source.read(Set.of("bu-1", "bu-2"), from, to);

        assertThat(read).extracting(AuditRecord::userId).containsExactly("at-the-start", "other-unit", "second");
    }

    @Test
    void a_busy_day_is_read_page_by_page() {
        // Over DynamoDB's 1 MB a Query page: about 1.3 MB of records.
        String detail = "x".repeat(4_000);
        for (int i = 0; i < 320; i++) {
            log.record(record("bu-1", BASE.plusSeconds(i), "u-" + i, Outcome.APPLIED, detail));
        }
        assertThat(log.flush()).isZero();

        assertThat(source.read(Set.of("bu-1"), BASE, BASE.plus(Duration.ofHours(1)))).hasSize(320);
    }

    @Test
    void an_item_from_before_names_and_zones_were_stored_reads_with_neither() {
        Map<String, AttributeValue> item = new HashMap<>(AuditItems.item(record("bu-1", BASE, "u-old", Outcome.APPLIED, "")));
        item.remove("agentName");
        item.remove("timeZone");
        dynamo.putItem(b -> b.tableName(table).item(item));

        AuditRecord read = source.read(Set.of("bu-1"), BASE, BASE.plusSeconds(1)).get(0);

        assertThat(read.agentName()).isEmpty();
        assertThat(read.timeZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void the_state_records_in_the_same_table_are_never_read_as_audit() {
        new DynamoDbStateStore(dynamo, table, java.time.Clock.systemUTC()).insert(new ActivityRecord(
                new ActivityKey("bu-1", "u-1", BASE.plusSeconds(60), "breaks"), RecordStatus.IN_PRE_BREAK, "pre-break",
                BASE.plusSeconds(960), BASE));

        assertThat(source.read(Set.of("bu-1"), BASE.minus(Duration.ofDays(1)), BASE.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void a_missing_table_or_no_units_say_so() {
        DynamoDbAuditSource nowhere = new DynamoDbAuditSource(dynamo, "no-such-table");
        assertThatThrownBy(() -> nowhere.read(Set.of("bu-1"), BASE, BASE.plusSeconds(1)))
                .isInstanceOf(AuditUnreadableException.class).hasMessageContaining("no table no-such-table");
        assertThatThrownBy(() -> source.read(Set.of(), BASE, BASE.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name the units");
    }

    @Test
    void the_table_reader_opens_a_table_by_name_region_and_endpoint() {
        log.record(record("bu-1", BASE, "u-1", Outcome.APPLIED, ""));
        log.flush();
        List<AuditRecord> read = new ArrayList<>();
        String keyId = System.getProperty("aws.accessKeyId");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (AuditSource opened = new DynamoDbAuditTables().open(new AuditTable(table, "us-east-1", LocalDynamoDb.shared().endpoint()))) {
            read.addAll(opened.read(Set.of("bu-1"), BASE, BASE.plusSeconds(1)));
        } finally {
            if (keyId == null) {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
        assertThat(read).extracting(AuditRecord::userId).containsExactly("u-1");
    }
}
