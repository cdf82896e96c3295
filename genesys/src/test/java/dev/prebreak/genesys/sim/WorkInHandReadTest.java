package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.WorkInHand;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.work.CentreSpec;
import dev.prebreak.sim.work.WorkModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agents' work in hand comes with their presence, in the same call, as the simulator's queue model has it. */
class WorkInHandReadTest {
    @Test
    void countsPerMediaAndSinceWhenComeWithTheStates() {
        try (SimHarness h = SimHarness.start()) {
            var org = h.sim.org();
            WorkModel model = WorkModel.attach(org, CentreSpec.chatHeavy(), 3, h.sim.clock().instant(),
                    h.sim.clock().instant().plus(Duration.ofHours(12)));
            h.sim.clock().advance(Duration.ofMinutes(20));
            GenesysClient client = h.client();
            Map<String, AgentState> states = client.agentStates(org.userIds());
            assertThat(states).isNotEmpty();
            int busy = 0;
            for (AgentState s : states.values()) {
                var truth = org.requireState(s.userId());
                WorkInHand work = s.work().orElseThrow();
                int held = work.active().values().stream().mapToInt(Integer::intValue).sum()
                        + work.afterCallWork().values().stream().mapToInt(Integer::intValue).sum();
                if (truth.routingStatus() == dev.prebreak.sim.org.RoutingStatus.INTERACTING) {
                    busy++;
                    assertThat(s.routingStatus()).isEqualTo(RoutingStatus.INTERACTING);
                    assertThat(held).isBetween(1, 3);
                    assertThat(work.interactingSince()).isEqualTo(truth.routingSince().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                    assertThat(model.workEnds(s.userId())).isPresent();
                } else {
                    assertThat(held).isZero();
                    assertThat(work.interactingSince()).isNull();
                }
            }
            assertThat(busy).isPositive();
        }
    }
}
