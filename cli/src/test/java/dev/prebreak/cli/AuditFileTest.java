package dev.prebreak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The audit file reads back exactly what was written. */
class AuditFileTest {
    @Test
    void a_record_survives_the_round_trip_through_a_line() {
        AuditRecord written = new AuditRecord(Instant.parse("2026-03-02T14:45:00.123Z"), "bu-1", "u-1", ActionKind.PRE_BREAK,
                "breaks", Instant.parse("2026-03-02T15:00:00Z"), "on-queue", "pre-break", Outcome.UNCERTAIN, "HTTP 502",
                "Chloe Dubois", ZoneId.of("America/New_York"));

        assertThat(AuditFile.parse(AuditLines.json(written))).isEqualTo(written);
    }

    @Test
    void a_record_without_an_activity_keeps_its_zone_and_its_nulls() {
        AuditRecord written = new AuditRecord(Instant.parse("2026-03-02T14:45:00Z"), null, "u-1", ActionKind.REVERT, null,
                null, null, null, Outcome.FAILED, "", "", ZoneId.of("Asia/Tokyo"));

        AuditRecord read = AuditFile.parse(AuditLines.json(written));

        assertThat(read).isEqualTo(written);
    }

    @Test
    void a_line_from_before_zones_were_written_reads_as_utc() {
        AuditRecord read = AuditFile.parse("{\"at\":\"2026-03-02T14:45:00Z\",\"businessUnitId\":\"bu-1\",\"userId\":\"u\","
                + "\"kind\":\"PRE_BREAK\",\"rule\":\"breaks\",\"activityStart\":\"null\",\"fromPresenceId\":null,"
                + "\"toPresenceId\":\"p\",\"outcome\":\"APPLIED\"}");

        assertThat(read.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(read.activityStart()).isNull();
        assertThat(AuditFile.parse("{\"at\":\"2026-03-02")).isNull();
        assertThat(AuditFile.parse("{\"at\":\"2026-03-02T14:45:00Z\",\"kind\":\"NOT_A_KIND\"}")).isNull();
    }
}
