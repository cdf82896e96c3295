package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.AVAILABLE;
import static dev.prebreak.cli.e2e.SimulatedOrg.BREAK;
import static dev.prebreak.cli.e2e.SimulatedOrg.OFFLINE;
import static dev.prebreak.cli.e2e.SimulatedOrg.PRE_BREAK;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who prebreak touches when a break is due: only agents On Queue in an eligible routing status. */
class EligibilityTest extends UnderEachReading {

    @Test
    void onlyOnQueueAgentsIdleOrInteractingAreSet() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-idle", shift("08:00", 480, breakAt("10:00")))
                .interactingOnQueue("agent-interacting", shift("08:00", 480, breakAt("10:00")))
                .agent("agent-available", AVAILABLE, false, shift("08:00", 480, breakAt("10:00")))
                .agent("agent-offline", OFFLINE, false, shift("08:00", 480, breakAt("10:00")))
                .agent("agent-on-break", BREAK, false, shift("08:00", 480, breakAt("10:00")))
                .agent("agent-in-pre-break", PRE_BREAK, true, shift("08:00", 480, breakAt("10:00")))
                // Not On Queue but still finishing a chat: routing says INTERACTING, presence says no.
                .agent("agent-available-finishing-a-chat", AVAILABLE, true, shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45")) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).containsExactlyInAnyOrder("agent-idle", "agent-interacting");
            assertThat(org.writes()).as("no write at all for anyone else, not even a redundant one").hasSize(2);
            Map<SkipReason, List<String>> skipped = SimulatedOrg.skippedAgents(report);
            assertThat(skipped.get(SkipReason.NOT_ON_QUEUE)).containsExactlyInAnyOrder(
                    "agent-available", "agent-offline", "agent-on-break", "agent-available-finishing-a-chat");
            assertThat(skipped.get(SkipReason.ALREADY_IN_TARGET)).containsExactly("agent-in-pre-break");
            assertThat(org.presenceOf("agent-available")).isEqualTo(AVAILABLE);
            assertThat(org.presenceOf("agent-offline")).isEqualTo(OFFLINE);
        }
    }

    @Test
    void aRoutingStatusTheRuleDoesNotListIsLeftAlone() {
        // The simulator models no NOT_RESPONDING agent; a rule that allows only IDLE exercises the same
        // check with an agent who is INTERACTING.
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-idle", shift("08:00", 480, breakAt("10:00")))
                .interactingOnQueue("agent-interacting", shift("08:00", 480, breakAt("10:00")))
                .rules(SimulatedOrg.BREAKS_RULE, "    eligibleRoutingStatuses: [IDLE]")
                .startAt("09:45")) {
            TickReport report = org.tickAt("09:45");

            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-idle");
            assertThat(SimulatedOrg.skippedAgents(report).get(SkipReason.ROUTING_STATUS_NOT_ELIGIBLE))
                    .containsExactly("agent-interacting");
        }
    }

    @Test
    void anAgentWhoBecomesEligibleBeforeTheBreakIsSetThen() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .agent("agent-ada", AVAILABLE, false, shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45")) {
            org.tickEveryMinute("09:45", "09:49");
            assertThat(org.writes()).isEmpty();

            org.agentSets("agent-ada", SimulatedOrg.ON_QUEUE);
            org.tickEveryMinute("09:50", "09:59");

            assertThat(org.writes()).extracting(w -> w.at()).containsExactly(SimulatedOrg.at("09:50"));
        }
    }
}
