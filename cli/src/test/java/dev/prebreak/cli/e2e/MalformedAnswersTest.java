package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.ScriptedFault;
import org.junit.jupiter.api.Test;

/** An answer cut in half: the tick fails with a clear error and nothing it cannot justify is written. */
class MalformedAnswersTest extends UnderEachReading {

    private static SimulatedOrg threeAgentsWithBreaksAtTen() {
        return SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .interactingOnQueue("agent-ben", shift("08:00", 480, breakAt("10:00")))
                .idleOnQueue("agent-chloe", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45");
    }

    @Test
    void aMalformedScheduleAnswerFailsTheTickAndWritesNoPresence() {
        try (SimulatedOrg org = threeAgentsWithBreaksAtTen()) {
            org.sim.faults().script(ScriptedFault.of("postWorkforcemanagementBusinessunitAgentschedulesSearch", 1, FaultKind.MALFORMED));

            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isTrue();
            assertThat(String.join("\n", report.failures())).contains("agentschedules/search").contains("malformed");
            assertThat(org.sim.presenceLog().all()).isEmpty();
            assertThat(org.store.size()).isZero();

            // The next tick reads a good answer and catches up.
            org.tickAt("09:46");
            assertThat(org.agentsSetToPreBreak()).containsExactlyInAnyOrder("agent-ada", "agent-ben", "agent-chloe");
        }
    }

    @Test
    void aMalformedPresenceReadFailsTheTickAndWritesNoPresence() {
        try (SimulatedOrg org = threeAgentsWithBreaksAtTen()) {
            org.sim.faults().script(ScriptedFault.of("getUsers", 1, FaultKind.MALFORMED));

            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isTrue();
            assertThat(String.join("\n", report.failures())).contains("/api/v2/users").contains("malformed");
            assertThat(org.sim.presenceLog().all()).isEmpty();
            assertThat(org.sim.requestStats().count("PUT /api/v2/users/presences/bulk")).isZero();

            org.tickAt("09:46");
            assertThat(org.agentsSetToPreBreak()).hasSize(3);
        }
    }

    @Test
    void malformedPresenceDefinitionsFailTheWholeTickLoudly() {
        try (SimulatedOrg org = threeAgentsWithBreaksAtTen()) {
            org.sim.faults().script(ScriptedFault.of("getPresenceDefinitions0", 1, FaultKind.MALFORMED));

            assertThatThrownBy(() -> org.tickAt("09:45"))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("/api/v2/presence/definitions")
                    .hasMessageContaining("malformed");
            assertThat(org.sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void aWriteWhoseAnswerIsMalformedIsNeverWrittenTwice() {
        // The write reached Genesys but its answer was cut: prebreak cannot confirm it, and next tick it
        // finds the agent already in Pre-Break instead of writing again.
        try (SimulatedOrg org = threeAgentsWithBreaksAtTen()) {
            org.sim.faults().script(ScriptedFault.of("putUsersPresencesBulk", 1, FaultKind.MALFORMED));

            org.tickEveryMinuteLikeTheDaemon("09:45", "09:55");

            assertThat(org.agentsSetToPreBreak()).hasSize(3).doesNotHaveDuplicates();
        }
    }
}
