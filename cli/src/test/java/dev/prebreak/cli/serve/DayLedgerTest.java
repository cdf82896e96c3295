package dev.prebreak.cli.serve;

import static dev.prebreak.cli.serve.Reports.key;
import static dev.prebreak.cli.serve.Reports.result;
import static dev.prebreak.cli.serve.Reports.skip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Today's view: a skip that repeats every tick counts once, and the day turns at midnight in the unit's zone. */
class DayLedgerTest {
    // 23:58 in New York (the unit's zone), a day away from any real date that matters here.
    private static final Instant LATE = Instant.parse("2031-06-03T03:58:00Z");

    @Test
    void aSkipRepeatedEveryTickIsOneEntryWithTheLatestSentence() {
        DayLedger ledger = new DayLedger();
        Instant start = LATE.plus(Duration.ofMinutes(30));
        for (int minute = 0; minute < 3; minute++) {
            ledger.add(Reports.tick(LATE.minus(Duration.ofMinutes(10 - minute)), List.of(),
                    List.of(skip(SkipReason.NOT_ON_QUEUE, key("agent-1", start, "breaks"), "presence " + (minute == 2 ? "BREAK" : "AWAY"))),
                    Map.of("agent-1", "Ada Lovelace"), Map.of(), ApiUsage.NONE));
        }
        DayLedger.Day day = ledger.days().get(0);
        assertThat(day.date()).isEqualTo(LocalDate.parse("2031-06-02"));
        assertThat(day.skipCounts()).containsExactly(Map.entry(SkipReason.NOT_ON_QUEUE, 1));
        assertThat(day.skips().get(SkipReason.NOT_ON_QUEUE)).singleElement().satisfies(s -> {
            assertThat(s.agentName()).isEqualTo("Ada Lovelace");
            assertThat(s.why()).contains("BREAK");
        });
        assertThat(ledger.size()).isEqualTo(1);
    }

    @Test
    void theDayTurnsAtMidnightInTheUnitsZone() {
        DayLedger ledger = new DayLedger();
        Instant start = LATE.plus(Duration.ofMinutes(15));
        ledger.add(Reports.tick(LATE, List.of(result(ActionKind.PRE_BREAK, key("agent-1", start, "breaks"), Outcome.APPLIED)),
                List.of(), Map.of(), Map.of(), ApiUsage.NONE));
        ledger.add(Reports.tick(LATE.plus(Duration.ofMinutes(1)), List.of(result(ActionKind.PRE_BREAK, key("agent-2", start, "breaks"),
                Outcome.FAILED)), List.of(), Map.of(), Map.of(), ApiUsage.NONE));
        assertThat(ledger.days().get(0).changes()).extracting(DayLedger.Change::userId).containsExactly("agent-2", "agent-1");

        ledger.add(Reports.tick(LATE.plus(Duration.ofMinutes(2)), List.of(), List.of(), Map.of(), Map.of(), ApiUsage.NONE));
        DayLedger.Day next = ledger.days().get(0);
        assertThat(next.date()).isEqualTo(LocalDate.parse("2031-06-03"));
        assertThat(next.changes()).isEmpty();
        assertThat(next.since()).isEqualTo(LATE.plus(Duration.ofMinutes(2)));
    }
}
