package dev.prebreak.cli.day;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.cli.PrebreakCommand;
import dev.prebreak.cli.Prebreak;
import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prebreak report} on the audit file the daemon writes. "Today" comes from a fixed clock:
 * 20:00 UTC on Monday 2 March 2026, which is 15:00 that Monday in New York and already 05:00 on
 * Tuesday the 3rd in Tokyo, so each unit's today is a different date.
 */
class ReportCommandTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String NY = "bu-new-york";
    static final String JP = "bu-tokyo";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T20:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path audit;

    @BeforeEach
    void writeAudit() throws IOException {
        audit = dir.resolve("audit.jsonl");
        AuditLog log = Prebreak.auditFile(audit);
        sampleDay().forEach(log::record);
        // A line cut short by a crash, and one that is no record at all: passed over, counted.
        Files.writeString(audit, "{\"at\":\"2026-03-02T15:00:00Z\",\"businessUnitId\":\"bu-new-y\n[1,2]\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** A day of both units, with records just outside New York's Monday on either side. */
    static List<AuditRecord> sampleDay() {
        List<AuditRecord> r = new ArrayList<>();
        r.add(record(NY, NEW_YORK, "2026-03-01T23:30", "u-early", "Eve Early", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-02T09:45", "u-chloe", "Chloe Dubois", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-02T09:46", "u-olga", "Olga Quist", ActionKind.PRE_BREAK, "breaks", Outcome.FAILED));
        r.add(record(NY, NEW_YORK, "2026-03-02T09:47", "u-olga", "Olga Quist", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-02T11:50", "u-yara", "Yara Mensah", ActionKind.PRE_BREAK, "meals", Outcome.UNCERTAIN));
        r.add(record(NY, NEW_YORK, "2026-03-02T11:52", "u-yara", "Yara Mensah", ActionKind.PRE_BREAK, "meals", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-02T12:10", "u-chloe", "Chloe Dubois", ActionKind.REVERT, "breaks", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-02T23:59", "u-formula", "=HYPERLINK(\"x\")", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(NY, NEW_YORK, "2026-03-03T00:30", "u-late", "Lee Late", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(JP, TOKYO, "2026-03-02T23:00", "u-ken", "Ken Sato", ActionKind.PRE_BREAK, "breaks", Outcome.APPLIED));
        r.add(record(JP, TOKYO, "2026-03-03T01:00", "u-aiko", "Aiko Mori", ActionKind.PRE_BREAK, "breaks", Outcome.DRY_RUN));
        return r;
    }

    /** A record at a local time of the unit, for a break 15 minutes later. */
    static AuditRecord record(String unit, ZoneId zone, String local, String userId, String name, ActionKind kind,
                              String rule, Outcome outcome) {
        Instant at = LocalDateTime.parse(local).atZone(zone).toInstant();
        return new AuditRecord(at, unit, userId, kind, rule, at.plusSeconds(900), "on-queue", "pre-break", outcome,
                outcome == Outcome.FAILED ? "HTTP 503" : "", name, zone);
    }

    record Run(int exit, String out, String err) {
    }

    Run report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReportCommand(CLOCK));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void today_is_each_unit_s_own_day_in_its_time_zone() {
        Run run = report("--audit", audit.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("business unit bu-new-york on Mon 2 Mar 2026, times in America/New_York: 7 records")
                .contains("business unit bu-tokyo on Tue 3 Mar 2026, times in Asia/Tokyo: 1 record in");
        assertThat(run.out()).doesNotContain("Eve Early").doesNotContain("Lee Late").doesNotContain("Ken Sato");
        assertThat(run.err()).contains("warning: 2 lines of").contains("were passed over");
    }

    @Test
    void the_tables_count_by_kind_and_outcome_and_by_rule_and_hour() {
        Run run = report("--audit", audit.toString(), "--unit", NY);

        assertThat(run.out()).doesNotContain("bu-tokyo");
        assertThat(lines(run.out())).contains(
                "    kind       APPLIED  FAILED  UNCERTAIN  total",
                "    PRE_BREAK        4       1          1      6",
                "    REVERT           1       0          0      1",
                "    total            5       1          1      7",
                "    rule    hour   APPLIED  FAILED  UNCERTAIN  total",
                "    breaks  09:00        2       1          0      3",
                "    breaks  12:00        1       0          0      1",
                "    breaks  23:00        1       0          0      1",
                "    meals   11:00        1       0          1      2");
    }

    @Test
    void another_date_and_another_zone_cut_another_day() {
        Run sunday = report("--audit", audit.toString(), "--unit", NY, "--date", "2026-03-01");
        assertThat(sunday.out()).contains("on Sun 1 Mar 2026, times in America/New_York: 1 record");

        Run utc = report("--audit", audit.toString(), "--unit", NY, "--date", "2026-03-02", "--zone", "UTC", "--json");
        JsonNode unit = json(utc.out()).get("units").get(0);
        assertThat(unit.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(unit.get("records").asInt()).as("Sunday 23:30 in New York is Monday in UTC; Monday 23:59 is not")
                .isEqualTo(7);
    }

    @Test
    void with_agent_alone_a_row_per_agent_and_with_a_name_their_records() {
        Run all = report("--audit", audit.toString(), "--unit", NY, "--agent");
        assertThat(lines(all.out())).contains("    Olga Quist (u-olga)                1       1          0      2");

        Run olga = report("--audit", audit.toString(), "--agent", "olga");
        assertThat(olga.out()).contains("2 records").doesNotContain("Chloe").doesNotContain("bu-tokyo");
        assertThat(lines(olga.out())).contains("  Olga Quist (u-olga):",
                "    09:46:00  PRE_BREAK for Mon 10:01 [rule breaks]: FAILED (HTTP 503)",
                "    09:47:00  PRE_BREAK for Mon 10:02 [rule breaks]: APPLIED");

        Run byId = report("--audit", audit.toString(), "--agent", "U-CHLOE", "--json");
        JsonNode agent = json(byId.out()).get("units").get(0).get("agents").get(0);
        assertThat(agent.get("agentName").asText()).isEqualTo("Chloe Dubois");
        assertThat(agent.get("records")).hasSize(2);
        assertThat(agent.get("records").get(1).get("atLocal").asText()).isEqualTo("2026-03-02T12:10-05:00");

        Run nobody = report("--audit", audit.toString(), "--agent", "nobody");
        assertThat(nobody.exit()).isZero();
        assertThat(nobody.out()).contains("no records of an agent matching 'nobody'");
    }

    @Test
    void json_carries_the_same_counts() {
        JsonNode root = json(report("--audit", audit.toString(), "--json").out());
        JsonNode ny = root.get("units").get(0);
        assertThat(ny.get("businessUnitId").asText()).isEqualTo(NY);
        assertThat(ny.get("date").asText()).isEqualTo("2026-03-02");
        assertThat(ny.get("from").asText()).isEqualTo("2026-03-02T05:00:00Z");
        assertThat(ny.get("byOutcome").get("APPLIED").asInt()).isEqualTo(5);
        assertThat(ny.get("byOutcome").get("total").asInt()).isEqualTo(7);
        assertThat(ny.get("byKind").get(0).get("kind").asText()).isEqualTo("PRE_BREAK");
        assertThat(ny.get("byKind").get(0).get("outcomes").get("FAILED").asInt()).isEqualTo(1);
        assertThat(ny.get("byRuleAndHour")).anySatisfy(row -> {
            assertThat(row.get("rule").asText()).isEqualTo("meals");
            assertThat(row.get("hour").asInt()).isEqualTo(11);
            assertThat(row.get("outcomes").get("total").asInt()).isEqualTo(2);
        });
        assertThat(ny.has("agents")).isFalse();
        JsonNode jp = root.get("units").get(1);
        assertThat(jp.get("date").asText()).isEqualTo("2026-03-03");
        assertThat(jp.get("byOutcome").get("DRY_RUN").asInt()).isEqualTo(1);
    }

    @Test
    void csv_is_one_table_of_counts_and_never_hands_a_spreadsheet_a_formula() {
        Run run = report("--audit", audit.toString(), "--unit", NY, "--csv", "--agent");
        List<String> lines = lines(run.out());

        assertThat(lines.get(0)).isEqualTo("businessUnitId,date,timeZone,rule,hour,kind,outcome,userId,agentName,count");
        assertThat(lines).contains("bu-new-york,2026-03-02,America/New_York,breaks,9,PRE_BREAK,FAILED,u-olga,Olga Quist,1",
                "bu-new-york,2026-03-02,America/New_York,breaks,23,PRE_BREAK,APPLIED,u-formula,\"'=HYPERLINK(\"\"x\"\")\",1");
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines.subList(1, lines.size()).stream().mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(',') + 1))).sum())
                .isEqualTo(7);

        Run plain = report("--audit", audit.toString(), "--unit", NY, "--csv");
        assertThat(lines(plain.out())).contains("bu-new-york,2026-03-02,America/New_York,breaks,9,PRE_BREAK,APPLIED,2");
    }

    @Test
    void a_unit_asked_for_with_nothing_that_day_is_shown_empty() {
        Run run = report("--audit", audit.toString(), "--unit", "bu-quiet");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("business unit bu-quiet on Mon 2 Mar 2026, times in UTC: 0 records");
    }

    @Test
    void usage_errors_and_an_unreadable_audit_say_what_to_do() {
        Run none = report();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--audit=FILE").contains("--table=NAME");

        Run both = report("--audit", audit.toString(), "--table", "t");
        assertThat(both.exit()).isEqualTo(2);

        Run tableWithoutUnit = report("--table", "prebreak-state");
        assertThat(tableWithoutUnit.exit()).isEqualTo(2);
        assertThat(tableWithoutUnit.err()).contains("--table needs --unit");

        Run noAwsModule = report("--table", "prebreak-state", "--unit", NY);
        assertThat(noAwsModule.exit()).as("the command line carries no AWS SDK; the aws module adds the table reader").isEqualTo(2);
        assertThat(noAwsModule.err()).contains("needs prebreak's aws module on the class path");

        Run missing = report("--audit", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no audit file").contains("nope.jsonl");
    }

    @Test
    void report_is_a_prebreak_command() {
        assertThat(PrebreakCommand.commandLine(Map.of()).getSubcommands()).containsKey("report");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
