package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.Simulator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The three shapes of a schedule search answer: inline, a download URL, and asynchronous (Processing). */
class ScheduleAnswersTest {
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
        try (SimulatedOrg org = tenAgentsWithBreaksAtTen(b -> b.downloadThresholdUsers(1))) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).hasSize(10).doesNotHaveDuplicates();
            // Fetched once, and without our token (the simulator answers 400 to one that carries it, like S3).
            assertThat(org.sim.requestStats().count(DOWNLOAD, 200)).isEqualTo(1);
            assertThat(org.sim.requestStats().count(DOWNLOAD, 400)).isZero();
        }
    }
}
