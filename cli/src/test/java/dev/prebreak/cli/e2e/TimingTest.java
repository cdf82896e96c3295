package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.PRE_BREAK;
import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.mealAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.org.PresenceChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When prebreak acts: exactly at the lead before a break, once, catching up on missed ticks until the break starts. */
class TimingTest extends UnderEachReading {

    @Test
    void setsPreBreakExactlyAtTheLeadAndNotOneSecondBefore() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:40")) {
            TickReport early = org.tickAt("09:44:59");
            assertThat(early.failed()).isFalse();
            assertThat(org.writes()).as("one second before the trigger time").isEmpty();

            TickReport due = org.tickAt("09:45:00");

            assertThat(due.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
            List<PresenceChange> writes = org.writes();
            assertThat(writes).hasSize(1);
            assertThat(writes.get(0).userId()).isEqualTo("agent-ada");
            assertThat(writes.get(0).toPresenceId()).isEqualTo(PRE_BREAK);
            assertThat(writes.get(0).at()).isEqualTo(at("09:45:00"));
            assertThat(org.presenceOf("agent-ada")).isEqualTo(PRE_BREAK);
        }
    }

    @Test
    void actsOnceOnEachBreakHoweverManyTicksFollow() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00"), breakAt("14:00")))
                .startAt("09:30")) {
            List<TickReport> reports = org.tickEveryMinute("09:30", "10:20");

            assertThat(reports).noneMatch(TickReport::failed);
            assertThat(org.writes()).extracting(PresenceChange::at).containsExactly(at("09:45"));
            // The later break of the same shift is not touched early.
            assertThat(org.writes()).extracting(PresenceChange::toPresenceId).containsExactly(PRE_BREAK);
        }
    }

    @Test
    void aLateTickStillCatchesUpBeforeTheBreakStarts() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:40")) {
            // Ticks at 09:45 .. 09:58 were missed (host asleep, Lambda throttled): the 09:59 tick catches up.
            org.tickAt("09:44");
            TickReport late = org.tickAt("09:59");

            assertThat(late.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at)
                    .containsExactly(tuple("agent-ada", at("09:59")));
        }
    }

    @Test
    void aTickAfterTheBreakStartedLeavesTheAgentAlone() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:40")) {
            org.tickAt("09:44");
            TickReport tooLate = org.tickAt("10:00:30");

            assertThat(tooLate.failed()).isFalse();
            assertThat(org.writes()).as("a break already under way is not pre-broken").isEmpty();
            assertThat(SimulatedOrg.skippedAgents(tooLate)).containsEntry(SkipReason.ACTIVITY_STARTED, List.of("agent-ada"));
            org.tickEveryMinute("10:01", "10:20");
            assertThat(org.writes()).isEmpty();
        }
    }

    @Test
    void eachRuleUsesItsOwnLead() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .idleOnQueue("agent-ben", shift("08:00", 480, mealAt("10:00", 30)))
                .rules(SimulatedOrg.BREAKS_RULE,
                        "  - name: meals",
                        "    categories: [Meal]",
                        "    lead: 5m",
                        "    presence: Pre-Break")
                .startAt("09:40")) {
            org.tickEveryMinute("09:40", "09:59");

            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at).containsExactly(
                    tuple("agent-ada", at("09:45")),
                    tuple("agent-ben", at("09:55")));
        }
    }

    @Test
    void splitShiftsGetEachOfTheirBreaks() {
        // Two four-hour shifts on one day, a break in each, and a gap between them where the agent is Offline.
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada",
                        shift("07:00", 240, breakAt("09:00")),
                        shift("16:00", 240, breakAt("18:00")))
                .startAt("08:40")) {
            org.tickEveryMinute("08:40", "09:20");
            org.agentSets("agent-ada", SimulatedOrg.OFFLINE);   // end of the morning shift
            org.tickAt("12:00");
            org.agentSets("agent-ada", SimulatedOrg.ON_QUEUE); // back for the evening shift
            org.tickEveryMinute("17:40", "18:05");

            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::toPresenceId, PresenceChange::at)
                    .containsExactly(
                            tuple("agent-ada", PRE_BREAK, at("08:45")),
                            tuple("agent-ada", PRE_BREAK, at("17:45")));
        }
    }
}
