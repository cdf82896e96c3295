package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.http.UnknownEnums;
import dev.prebreak.sim.org.Org;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Genesys answering values newer than this version of prebreak: a system presence, a presence type, a
 * routing status and an activity category it does not know. They are skipped, never a failed tick.
 */
class NewerGenesysTest extends UnderEachReading {

    @Test
    void unknownEnumValuesAreSkippedAndTheTickGoesOn() {
        List<String> agents = IntStream.rangeClosed(1, 60).mapToObj(i -> "agent-" + i).collect(Collectors.toList());
        // The simulator shows a fixed 5% of agents (by id) in a routing status nobody knows yet.
        List<String> suspended = agents.stream().filter(id -> Org.fraction(id, 3) < UnknownEnums.SHARE).toList();
        assertThat(suspended).as("some agents read SUSPENDED, or the test shows nothing").isNotEmpty();
        SimulatedOrg.Builder builder = SimulatedOrg.builder().simulator(b -> b.unknownEnums(true));
        agents.forEach(id -> builder.idleOnQueue(id, shift("08:00", 480, breakAt("10:00"))));
        try (SimulatedOrg org = builder.startAt("09:45")) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).as(String.join("\n", report.failures())).isFalse();
            List<String> expected = new ArrayList<>(agents);
            expected.removeAll(suspended);
            assertThat(org.agentsSetToPreBreak()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(SimulatedOrg.skippedAgents(report).get(SkipReason.STATE_UNKNOWN))
                    .containsExactlyInAnyOrderElementsOf(suspended);
        }
    }
}
