package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.genesys.http.RetryPolicy;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.FaultProfile;
import dev.prebreak.sim.http.ScriptedFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResilienceTest {
    private static final String BU = "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}";
    private static final String USERS = "GET /api/v2/users";

    @Test
    void aStormOf429sStillGivesTheRightAnswers() {
        try (SimHarness h = SimHarness.start()) {
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId());
            Instant from = SimHarness.T0;
            Instant to = from.plus(Duration.ofHours(8));
            GenesysClient calm = h.client();
            Map<String, AgentState> expectedStates = calm.agentStates(users);
            List<AgentSchedule> expectedSchedules = calm.schedules(h.businessUnitId(), users, from, to);

            h.sim.faults().global(FaultProfile.NONE.withRateLimits(0.4, 2, false));
            GenesysClient stormy = h.client();
            // agents' states move with the virtual clock the retries advance; who was read must not
            assertThat(stormy.agentStates(users).keySet()).isEqualTo(expectedStates.keySet());
            assertThat(expectedStates).hasSize(users.size());
            assertThat(stormy.schedules(h.businessUnitId(), users, from, to)).isEqualTo(expectedSchedules);

            ApiUsage usage = stormy.usage();
            assertThat(usage.rateLimited()).isPositive();
            assertThat(usage.retries()).isEqualTo(usage.rateLimited());
            assertThat(usage.calls()).isEqualTo(h.sim.requestStats().total() - calm.usage().calls());
            // every retry after a 429 waited its Retry-After of 2 s
            assertThat(h.sleptMillis.get()).isGreaterThanOrEqualTo(2000 * usage.rateLimited());
        }
    }

    @Test
    void honoursALowercaseRetryAfter() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            h.sim.faults().script(ScriptedFault.rateLimit(BU, 1, 17, true));

            client.businessUnit(h.businessUnitId());
            assertThat(h.sleptMillis.get()).isEqualTo(17_000);
            assertThat(client.usage().rateLimited()).isEqualTo(1);
            assertThat(client.usage().retries()).isEqualTo(1);
        }
    }

    @Test
    void aBurstOf5xxIsRetried() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            h.sim.faults().script(ScriptedFault.serverError(BU, 1, 502));
            h.sim.faults().script(ScriptedFault.serverError(BU, 1, 503));
            h.sim.faults().script(ScriptedFault.serverError(BU, 1, 504));

            assertThat(client.businessUnit(h.businessUnitId()).id()).isEqualTo(h.businessUnitId());
            assertThat(client.usage().retries()).isEqualTo(3);
            assertThat(client.usage().rateLimited()).isZero();
            assertThat(h.sim.requestStats().count(BU, 200)).isEqualTo(2);
        }
    }

    @Test
    void droppedConnectionsAreRetried() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 5);
            String search = "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search";
            h.sim.faults().script(ScriptedFault.of(search, 2, FaultKind.DROP));
            h.sim.faults().script(ScriptedFault.of(BU, 2, FaultKind.DROP));

            List<AgentSchedule> schedules = client.schedules(h.businessUnitId(), users, SimHarness.T0,
                    SimHarness.T0.plus(Duration.ofHours(8)));
            assertThat(schedules).extracting(AgentSchedule::userId).containsExactlyElementsOf(users);
            assertThat(client.businessUnit(h.businessUnitId()).id()).isEqualTo(h.businessUnitId());
            assertThat(h.sim.requestStats().count(search, 0)).isEqualTo(2);
            assertThat(h.sim.requestStats().count(BU, 0)).isEqualTo(2);
            // POST is never resent by the JDK itself, so both drops show as our retries; for a GET on a
            // pooled connection the JDK may transparently resend once, so at least one is ours.
            assertThat(client.usage().retries()).isBetween(3L, 4L);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheCall() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.clientBuilder()
                    .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), new Random(1))).build();
            client.businessUnit(h.businessUnitId());
            h.sim.faults().script(ScriptedFault.serverError(BU, 5, 503));

            assertThatThrownBy(() -> client.businessUnit(h.businessUnitId()))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("GET /api/v2/workforcemanagement/businessunits/")
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining("gave up after 3 attempts")
                    .hasMessageContaining("correlation id");
            assertThat(client.usage().retries()).isEqualTo(2);
        }
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            assertThatThrownBy(() -> client.businessUnit("no-such-bu"))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("GET /api/v2/workforcemanagement/businessunits/no-such-bu failed: HTTP 404")
                    .hasMessageMatching("(?s).*correlation id [0-9a-f-]{36}.*");
            assertThat(client.usage().retries()).isZero();
            assertThat(h.calls(BU)).isEqualTo(1);
        }
    }

    @Test
    void stopsAtTheTickDeadline() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            GenesysGateway tick = client.within(h.sim.clock().instant().plusSeconds(10));
            h.sim.faults().script(ScriptedFault.rateLimit(BU, 1, 30, false));

            assertThatThrownBy(() -> tick.businessUnit(h.businessUnitId()))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("would pass the deadline");
            assertThat(h.sleptMillis.get()).isZero();

            GenesysGateway late = client.within(h.sim.clock().instant().minusSeconds(1));
            long before = h.sim.requestStats().total();
            assertThatThrownBy(() -> late.businessUnit(h.businessUnitId()))
                    .isInstanceOf(GatewayException.class).hasMessageContaining("deadline");
            assertThat(h.sim.requestStats().total()).isEqualTo(before);

            // the client itself has no deadline and carries on
            assertThat(client.businessUnit(h.businessUnitId()).id()).isEqualTo(h.businessUnitId());
        }
    }

    @Test
    void aMalformedAnswerFailsClearly() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 10);
            h.sim.faults().script(ScriptedFault.of(USERS, 1, FaultKind.MALFORMED));

            assertThatThrownBy(() -> client.agentStates(users))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("GET /api/v2/users gave a malformed answer")
                    .hasMessageContaining("not valid JSON");
        }
    }

    @Test
    void pacesCallsWithinTheBudget() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.clientBuilder().rateBudgetPerMinute(20).build();
            Instant start = h.sim.clock().instant();
            for (int i = 0; i < 30; i++) {
                client.businessUnit(h.businessUnitId());
            }
            // 30 calls at 20 a minute cannot all happen inside one minute, and none was refused
            assertThat(Duration.between(start, h.sim.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(h.sim.requestStats().countStatus(429)).isZero();
        }
    }
}
