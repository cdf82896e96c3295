package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.org.PresenceChange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Safe to operate: dry runs and plans change nothing, and a per-tick cap holds the rest for the next tick. */
class SafetyTest extends UnderEachReading {

    private static SimulatedOrg.Builder fiveAgentsWithBreaksAtTen() {
        SimulatedOrg.Builder builder = SimulatedOrg.builder();
        for (String name : List.of("ada", "ben", "chloe", "dev", "elena")) {
            builder.idleOnQueue("agent-" + name, shift("08:00", 480, breakAt("10:00")));
        }
        return builder;
    }

    @Test
    void aDryRunReportsWhatItWouldDoAndChangesNothing() {
        try (SimulatedOrg org = fiveAgentsWithBreaksAtTen().setting("dryRun: true").startAt("09:45")) {
            List<TickReport> reports = org.tickEveryMinute("09:45", "09:50");

            assertThat(reports.get(0).dryRun()).isTrue();
            assertThat(reports.get(0).count(Outcome.DRY_RUN)).containsEntry(ActionKind.PRE_BREAK, 5);
            assertThat(org.sim.presenceLog().all()).as("ground truth: no presence write at all").isEmpty();
            assertThat(org.store.size()).as("the state store is untouched").isZero();
            assertThat(org.sim.requestStats().count("PUT /api/v2/users/presences/bulk")).isZero();
            assertThat(org.audit).extracting(AuditRecord::outcome).containsOnly(Outcome.DRY_RUN);
        }
    }

    @Test
    void aPlanChangesNothingEvenInAnOrgThatIsNotInDryRun() {
        try (SimulatedOrg org = fiveAgentsWithBreaksAtTen().startAt("09:40")) {
            TickReport plan = org.engine.plan(at("09:46"));

            assertThat(plan.dryRun()).isTrue();
            assertThat(plan.count(Outcome.DRY_RUN)).containsEntry(ActionKind.PRE_BREAK, 5);
            assertThat(org.sim.presenceLog().all()).isEmpty();
            assertThat(org.store.size()).isZero();

            // The plan left nothing behind that would stop the real tick from acting.
            org.tickAt("09:46");
            assertThat(org.agentsSetToPreBreak()).hasSize(5);
            assertThat(org.store.size()).isEqualTo(5);
        }
    }

    @Test
    void aPlanAfterRealTicksLeavesTheirRecordsAsTheyAre() {
        try (SimulatedOrg org = fiveAgentsWithBreaksAtTen().startAt("09:45")) {
            org.tickAt("09:45");
            int records = org.store.size();
            int writes = org.writes().size();

            TickReport plan = org.engine.plan(at("09:47"));

            assertThat(plan.results()).isEmpty();
            assertThat(SimulatedOrg.skippedAgents(plan).get(SkipReason.ALREADY_HANDLED)).hasSize(5);
            assertThat(org.writes()).hasSize(writes);
            assertThat(org.store.size()).isEqualTo(records);
        }
    }

    @Test
    void theCapHoldsTheRestForTheNextTick() {
        try (SimulatedOrg org = fiveAgentsWithBreaksAtTen().setting("maxChangesPerTick: 3").startAt("09:45")) {
            TickReport first = org.tickAt("09:45");

            assertThat(first.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 3);
            assertThat(first.skipCounts()).containsEntry(SkipReason.OVER_CAP, 2);
            assertThat(org.writes()).hasSize(3);

            org.tickEveryMinute("09:46", "09:50");

            assertThat(org.writes()).extracting(PresenceChange::at)
                    .containsExactly(at("09:45"), at("09:45"), at("09:45"), at("09:46"), at("09:46"));
            assertThat(org.agentsSetToPreBreak()).doesNotHaveDuplicates().hasSize(5);
        }
    }
}
