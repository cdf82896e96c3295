package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.Simulator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The three shapes of a schedule search answer: inline, a download URL, and asynchronous (Processing). */
class ScheduleAnswersTest extends UnderEachReading {
    private static final String SEARCH = "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search";
    private static final String DOWNLOAD = "GET /_download/{key}";

    private static SimulatedOrg tenAgentsWithBreaksAtTen(UnaryOperator<Simulator.Builder> simulator) {
        SimulatedOrg.Builder builder = SimulatedOrg.builder().simulator(simulator);
        for (int i = 1; i <= 10; i++) {
            builder.idleOnQueue("agent-" + i, shift("08:00", 480, breakAt("10:00")));
        }
        return builder.startAt("09:45");
    }

    @Test
    void aSearchThatGoesAsynchronousIsSplitUntilItAnswers() {
        // Genesys answers Processing above 6 users here; ten users split into two searches of five.
        try (SimulatedOrg org = tenAgentsWithBreaksAtTen(b -> b.asyncThresholdUsers(6))) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).hasSize(10).doesNotHaveDuplicates();
            assertThat(org.sim.requestStats().count(SEARCH)).isEqualTo(3);
        }
    }

    @Test
    void aSearchStillAsynchronousAtTheSmallestBatchFailsTheTickClearlyAndChangesNothing() {
        try (SimulatedOrg org = tenAgentsWithBreaksAtTen(b -> b.asyncThresholdUsers(2))) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isTrue();
            assertThat(String.join("\n", report.failures())).contains("Processing").contains("cannot be read");
            assertThat(org.sim.presenceLog().all()).isEmpty();
            assertThat(org.store.size()).isZero();
        }
    }

    @Test
    void aSearchAnsweredWithADownloadUrlIsFetchedFromThere() {
        // Inline (not asynchronous) at ten users whatever the reading, so that one search answers with a URL.
        try (SimulatedOrg org = tenAgentsWithBreaksAtTen(b -> b.downloadThresholdUsers(1).asyncThresholdUsers(1_000))) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).hasSize(10).doesNotHaveDuplicates();
            // Fetched once, and without our token (the simulator answers 400 to one that carries it, like S3).
            assertThat(org.sim.requestStats().count(DOWNLOAD, 200)).isEqualTo(1);
            assertThat(org.sim.requestStats().count(DOWNLOAD, 400)).isZero();
        }
    }

    @Test
    void aSearchOfTheClientsOwnBatchSizeThatGoesAsynchronousIsSplitWithoutForceAsync() {
        // 300 agents: the client searches 250 at a time; Genesys (here) goes asynchronous above 200.
        SimulatedOrg.Builder builder = SimulatedOrg.builder().simulator(b -> b.asyncThresholdUsers(200));
        for (int i = 1; i <= 300; i++) {
            builder.idleOnQueue("agent-" + i, shift("08:00", 480, breakAt("10:00")));
        }
        try (SimulatedOrg org = builder.startAt("09:45")) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).hasSize(300).doesNotHaveDuplicates();
            // 250 -> Processing; 2 x 125 inline; the last 50 inline at the learned size.
            assertThat(org.sim.requestStats().count(SEARCH)).isEqualTo(4);
        }
    }

    @Test
    void anAgentOwedARevertWhoLeftTheUnitDoesNotFailTheUnitsTick() {
        try (SimulatedOrg org = tenAgentsWithBreaksAtTen(b -> b)) {
            // Set to Pre-Break by an earlier tick, then moved to another unit: the search may leave them out,
            // or refuse the whole search with a 400 naming them (the reading decides).
            org.store.insert(new ActivityRecord(new ActivityKey(SimulatedOrg.BUSINESS_UNIT, "agent-moved-away",
                    SimulatedOrg.at("10:00"), "breaks"), RecordStatus.IN_PRE_BREAK, SimulatedOrg.PRE_BREAK,
                    SimulatedOrg.at("10:15"), SimulatedOrg.at("09:40")));

            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).as(String.join("\n", report.failures())).isFalse();
            assertThat(org.agentsSetToPreBreak()).hasSize(10).doesNotHaveDuplicates();
            assertThat(org.writesFor("agent-moved-away")).isEmpty();
        }
    }
}
