package dev.prebreak.sim;

import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.FaultProfile;
import dev.prebreak.sim.http.ScriptedFault;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {
    private static final String DEFS = "/api/v2/presence/definitions";

    @Test
    void probabilisticFaultsRepeatWithTheSameSeed() {
        assertThat(run(11)).isEqualTo(run(11));
        assertThat(run(11)).isNotEqualTo(run(12));
        assertThat(run(11)).contains(200).containsAnyOf(429, 500, 502, 503, 504);
    }

    private List<Integer> run(long seed) {
        try (Simulator sim = Fixtures.simulator().faultSeed(seed).rateLimitPerMinute(0).build().start()) {
            SimHttp http = new SimHttp(sim);
            http.token();
            sim.faults().endpoint("GET " + DEFS, FaultProfile.NONE.withRateLimits(0.2, 3, false).withServerErrors(0.2, 0));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(http.get(DEFS).statusCode());
            }
            return statuses;
        }
    }

    @Test
    void injected429CarriesRetryAfterInEitherCase() {
        try (Simulator sim = Fixtures.simulator().build().start()) {
            SimHttp http = new SimHttp(sim);
            http.token();
            sim.faults().script(ScriptedFault.rateLimit(DEFS, 1, 7, false));
            sim.faults().script(ScriptedFault.rateLimit(DEFS, 1, 9, true));
            HttpResponse<String> first = http.get(DEFS);
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).contains("7");
            assertThat(SimHttp.tree(first).get("code").asText()).isEqualTo("too.many.requests.retry.after");
            HttpResponse<String> second = http.get(DEFS);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("retry-after")).contains("9");
            assertThat(http.get(DEFS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void droppedConnectionsMalformedBodiesAndRevocation() {
        try (Simulator sim = Fixtures.simulator().build().start()) {
            SimHttp http = new SimHttp(sim);
            http.token();
            // java.net.http retries an idempotent GET once on a dropped connection, so drop twice.
            sim.faults().script(ScriptedFault.of("*", 2, FaultKind.DROP));
            assertThatThrownBy(() -> http.get(DEFS)).isInstanceOf(UncheckedIOException.class);
            assertThat(sim.requestStats().count("GET " + DEFS, 0)).isEqualTo(2);

            sim.faults().script(ScriptedFault.of(DEFS, 1, FaultKind.MALFORMED));
            HttpResponse<String> malformed = http.get(DEFS);
            assertThat(malformed.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> SimHttp.JSON.readTree(malformed.body())).isInstanceOf(Exception.class);

            sim.faults().script(ScriptedFault.of(DEFS, 1, FaultKind.REVOKE_TOKENS));
            assertThat(http.get(DEFS).statusCode()).isEqualTo(401);
            http.freshToken();
            assertThat(http.get(DEFS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void latencyAndGlobalServerErrorsAndControlApiIsNeverFaulted() {
        try (Simulator sim = Fixtures.simulator().build().start()) {
            SimHttp http = new SimHttp(sim);
            http.token();
            sim.faults().script(ScriptedFault.latency("getPresenceDefinitions0", 1, 150));
            long t = System.nanoTime();
            assertThat(http.get(DEFS).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - t) / 1_000_000).isGreaterThanOrEqualTo(150);

            sim.faults().global(FaultProfile.NONE.withServerErrors(1.0, 502));
            assertThat(http.get(DEFS).statusCode()).isEqualTo(502);
            assertThat(http.open("GET", "/_sim/clock", null).statusCode()).isEqualTo(200);
            sim.faults().clear();
            assertThat(http.get(DEFS).statusCode()).isEqualTo(200);
        }
    }
}
