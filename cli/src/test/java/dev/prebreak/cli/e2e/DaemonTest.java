package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prebreak.cli.serve.Daemon;
import dev.prebreak.cli.serve.Pause;
import dev.prebreak.cli.serve.StatusServer;
import dev.prebreak.cli.serve.TickListener;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.ScriptedFault;
import dev.prebreak.sim.org.PresenceChange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daemon behind {@code prebreak serve}, on the simulator's virtual clock: its pause jumps the clock
 * to the next tick instead of sleeping, as the demo does, so an hour passes in a moment.
 */
class DaemonTest extends UnderEachReading {

    /** Records when each tick ran, and passes reports on. */
    private static final class Ticks implements TickListener {
        final List<Instant> at = new ArrayList<>();
        final List<TickReport> reports = new ArrayList<>();
        private final TickListener next;

        Ticks(TickListener next) {
            this.next = next;
        }

        @Override
        public void ticked(TickReport report) {
            at.add(report.at());
            reports.add(report);
            next.ticked(report);
        }

        @Override
        public void failed(Instant when, RuntimeException error) {
            at.add(when);
            next.failed(when, error);
        }
    }

    private static final TickListener NOBODY = new TickListener() {
        @Override
        public void ticked(TickReport report) {
        }

        @Override
        public void failed(Instant at, RuntimeException error) {
        }
    };

    /** Jumps the virtual clock to the next tick; at {@code suspendedAt} the host sleeps until {@code wakesAt} instead. */
    private static Pause jumping(SimulatedOrg org, Instant suspendedAt, Instant wakesAt) {
        return target -> {
            Instant to = target.equals(suspendedAt) ? wakesAt : target;
            if (to.isAfter(org.clock.instant())) {
                org.clock.set(to);
            }
        };
    }

    @Test
    void ticksOnMinuteBoundariesAndCatchesUpAfterASuspensionWithOneTick() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))   // due 09:45
                .idleOnQueue("agent-ben", shift("08:00", 480, breakAt("10:05")))   // due 09:50, while suspended
                .idleOnQueue("agent-chloe", shift("08:00", 480, breakAt("10:12"))) // due 09:57
                .startAt("09:44:30")) {
            Ticks ticks = new Ticks(NOBODY);
            Daemon daemon = new Daemon(org.engine, org.clock, org.config.tick(),
                    jumping(org, at("09:48"), at("09:55:07")), ticks);

            daemon.run(at("10:00"));

            // The first tick at once, then on the minute; one tick on waking up, then on the minute again.
            assertThat(ticks.at).containsExactly(at("09:44:30"), at("09:45"), at("09:46"), at("09:47"),
                    at("09:55:07"), at("09:56"), at("09:57"), at("09:58"), at("09:59"));
            assertThat(ticks.reports).noneMatch(TickReport::failed);
            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at).containsExactly(
                    tuple("agent-ada", at("09:45")),
                    tuple("agent-ben", at("09:55:07")),
                    tuple("agent-chloe", at("09:57")));
        }
    }

    @Test
    void aFirstTickJustBeforeABoundaryGetsTimeAndTheBoundaryStillTicks() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))   // due 09:45
                .startAt("09:44:59.500")) {
            Ticks ticks = new Ticks(NOBODY);
            new Daemon(org.engine, org.clock, org.config.tick(), jumping(org, null, null), ticks).run(at("09:46:30"));

            assertThat(ticks.at).containsExactly(Instant.parse("2026-11-24T09:44:59.500Z"), at("09:45"), at("09:46"));
            assertThat(ticks.reports).noneMatch(TickReport::failed);
            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at)
                    .containsExactly(tuple("agent-ada", at("09:45")));
        }
    }

    @Test
    void healthzIsOkAfterAGoodTickAndUnhealthyAfterAFailedOne() throws Exception {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .idleOnQueue("agent-ben", shift("08:00", 480, breakAt("10:20")))
                .startAt("09:45");
             StatusServer status = new StatusServer("127.0.0.1", 0, org.engine, org.clock, org.config.tick())) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, status, "/healthz").statusCode()).as("before any tick").isEqualTo(503);

            new Daemon(org.engine, org.clock, org.config.tick(), jumping(org, null, null), status).run(at("09:46"));

            HttpResponse<String> healthy = get(http, status, "/healthz");
            assertThat(healthy.statusCode()).as(healthy.body()).isEqualTo(200);
            HttpResponse<String> report = get(http, status, "/status");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("\"lastTick\"").contains("agent-ada")
                    .contains("\"nextDueActions\"").contains("agent-ben").contains("2026-11-24T10:05:00Z");

            // The next tick cannot read schedules: the daemon keeps going, but health turns red.
            org.sim.faults().script(ScriptedFault.of("postWorkforcemanagementBusinessunitAgentschedulesSearch", 1, FaultKind.MALFORMED));
            // At 10:00 the schedules read at 09:45 are due for their refresh, so the tick must search again.
            org.clock.set(at("10:00"));
            new Daemon(org.engine, org.clock, org.config.tick(), jumping(org, null, null), status).run(at("10:00:30"));

            HttpResponse<String> unhealthy = get(http, status, "/healthz");
            assertThat(unhealthy.statusCode()).as(unhealthy.body()).isEqualTo(503);
            assertThat(unhealthy.body()).contains("last tick failed").contains("malformed");
        }
    }

    private static HttpResponse<String> get(HttpClient http, StatusServer status, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + status.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
