package dev.prebreak.aws.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.dynamodb.DynamoDbAuditLog;
import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.cli.day.ReportCommand;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code prebreak report --table}: the command line's report, reading the Lambda's table through the
 * reader this module registers (found with ServiceLoader, as when a user puts this module beside the
 * command), against DynamoDB Local.
 */
class ReportOnTableTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String NY = "bu-new-york";
    /**
     * Two days ago in New York by the real clock, so that the records' TTL (90 days on) has not passed by
     * the clock DynamoDB Local expires items by; the command's "today" comes from a clock fixed in it.
     */
    private static final LocalDate DAY = LocalDate.now(NEW_YORK).minusDays(2);
    private static final Clock AFTERNOON = Clock.fixed(DAY.atTime(15, 0).atZone(NEW_YORK).toInstant(), NEW_YORK);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String keyId;

    private String table;

    @BeforeAll
    static void localCredentials() {
        // The reader takes credentials as the AWS CLI does; DynamoDB Local accepts any.
        keyId = System.getProperty("aws.accessKeyId");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterAll
    static void forgetCredentials() {
        if (keyId == null) {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @BeforeEach
    void auditOfTheLambda() {
        table = LocalDynamoDb.shared().newTable();
        DynamoDbAuditLog log = new DynamoDbAuditLog(LocalDynamoDb.shared().client(), table);
        log.record(record(DAY.minusDays(1), "23:30", "u-eve", "Eve Early", "breaks", Outcome.APPLIED));
        log.record(record(DAY, "09:45", "u-chloe", "Chloe Dubois", "breaks", Outcome.APPLIED));
        log.record(record(DAY, "09:46", "u-olga", "Olga Quist", "breaks", Outcome.FAILED));
        log.record(record(DAY, "09:47", "u-olga", "Olga Quist", "breaks", Outcome.APPLIED));
        log.record(record(DAY, "11:50", "u-yara", "Yara Mensah", "meals", Outcome.TAKEN_BY_ANOTHER_TICK));
        log.record(record(DAY.plusDays(1), "00:10", "u-lee", "Lee Late", "breaks", Outcome.APPLIED));
        assertThat(log.flush()).isZero();
    }

    private static AuditRecord record(LocalDate date, String time, String user, String name, String rule, Outcome outcome) {
        java.time.Instant at = date.atTime(LocalTime.parse(time)).atZone(NEW_YORK).toInstant();
        return new AuditRecord(at, NY, user, ActionKind.PRE_BREAK, rule, at.plusSeconds(900), "on-queue", "pre-break", outcome,
                "", name, NEW_YORK);
    }

    private String[] args(String... more) {
        String[] base = {"--table", table, "--unit", NY, "--region", "us-east-1", "--endpoint", LocalDynamoDb.shared().endpoint().toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private String report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand(AFTERNOON));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as("stderr: %s", err).isZero();
        return out.toString();
    }

    @Test
    void today_in_the_unit_s_zone_from_the_table_as_tables() {
        String out = report(args());

        assertThat(out).contains("business unit " + NY + " on ").contains("times in America/New_York: 4 records in table " + table);
        assertThat(out.lines()).contains(
                "    kind       APPLIED  FAILED  TAKEN_BY_ANOTHER_TICK  total",
                "    PRE_BREAK        2       1                      1      4",
                "    breaks  09:00        2       1                      0      3",
                "    meals   11:00        0       0                      1      1");
    }

    @Test
    void per_agent_json_and_csv_from_the_table() throws Exception {
        JsonNode unit = JSON.readTree(report(args("--agent", "--json"))).get("units").get(0);
        assertThat(unit.get("date").asText()).isEqualTo(DAY.toString());
        assertThat(unit.get("agents")).extracting(a -> a.get("agentName").asText())
                .containsExactly("Chloe Dubois", "Olga Quist", "Yara Mensah");

        String olga = report(args("--agent", "Olga"));
        assertThat(olga.lines()).contains("    09:46:00  PRE_BREAK for " + DAY.getDayOfWeek().getDisplayName(
                java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " 10:01 [rule breaks]: FAILED");

        assertThat(report(args("--csv", "--date", DAY.minusDays(1).toString())).lines())
                .containsExactly("businessUnitId,date,timeZone,rule,hour,kind,outcome,count",
                        NY + "," + DAY.minusDays(1) + ",America/New_York,breaks,23,PRE_BREAK,APPLIED,1");
    }
}
