package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What /healthz says, judged by the monotonic clock, and what happens to a client that never finishes its request. */
class StatusServerHealthTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private final DaemonTest.TwoClocks clocks = new DaemonTest.TwoClocks(Instant.parse("2026-11-24T12:00:07Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Issue 10: after the wall clock stepped back an hour, a stalled daemon still looked fresh to /healthz. */
    @Test
    void aStallIsJudgedByMonotonicAgeWhateverTheWallClockSays() throws Exception {
        try (StatusServer server = server(Duration.ofSeconds(2))) {
            server.ticked(report(clocks.wall.instant()));
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);

            clocks.stepWallAt(clocks.wall.instant().plusSeconds(10), Duration.ofHours(-1));
            clocks.pass(Duration.ofSeconds(190)); // no tick meanwhile; the wall clock now reads 11:03:17

            HttpResponse<String> health = get(server, "/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("no tick for 190 s (more than 3 periods of 60 s)");
        }
    }

    @Test
    void aStepForwardAloneIsNoStall() throws Exception {
        try (StatusServer server = server(Duration.ofSeconds(2))) {
            server.ticked(report(clocks.wall.instant()));
            clocks.stepWallAt(clocks.wall.instant().plusSeconds(10), Duration.ofMinutes(30));
            clocks.pass(Duration.ofSeconds(20));

            HttpResponse<String> health = get(server, "/healthz");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"lastTickSecondsAgo\" : 20");
        }
    }

    @Test
    void aStepOfTheWallClockTheDaemonNoticedIsShownOnStatus() throws Exception {
        try (StatusServer server = server(Duration.ofSeconds(2))) {
            Instant at = clocks.wall.instant();
            server.clockStepped(new ClockStep(at, at.plus(Duration.ofMinutes(30)), Duration.ofSeconds(1)));
            assertThat(get(server, "/status").body())
                    .contains("\"lastClockStep\" : \"the wall clock stepped forward 29 min 59 s (from " + at);
        }
    }

    @Test
    void theLastReportsFailuresAreTheReason() throws Exception {
        try (StatusServer server = server(Duration.ofSeconds(2))) {
            server.ticked(new TickReport(clocks.wall.instant(), Duration.ZERO, false,
                    List.of(new UnitReport("bu-1", "Europe", 0, 0, List.of(), List.of(), Set.of(),
                            Optional.of("schedules could not be read"))), ApiUsage.NONE));
            HttpResponse<String> health = get(server, "/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("last tick failed: bu-1: schedules could not be read");

            server.failed(clocks.wall.instant(), new IllegalStateException("presences could not be read"));
            assertThat(get(server, "/healthz").body()).contains("last tick failed: presences could not be read");

            server.ticked(report(clocks.wall.instant()));
            assertThat(get(server, "/healthz").statusCode()).as("a good tick clears it").isEqualTo(200);
        }
    }

    @Test
    void aRequestNotFinishedWithinTheReadTimeoutIsAnswered408AndClosed() throws Exception {
        try (StatusServer server = server(Duration.ofMillis(300));
             Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.setSoTimeout(10_000); // a safety net only: the server answers after 300 ms

            InputStream in = slow.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // until the server closes

            assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("application/json")
                    .contains("\"error\" : \"the request did not arrive within 0.300 s\"");
        }
    }

    @Test
    void moreHalfSentRequestsThanThreadsDelayOthersOnlyUntilTheReadTimeout() throws Exception {
        try (StatusServer server = server(Duration.ofMillis(300))) {
            Socket[] slow = new Socket[StatusServer.THREADS + 2];
            try {
                for (int i = 0; i < slow.length; i++) {
                    slow[i] = new Socket("127.0.0.1", server.port());
                    slow[i].getOutputStream().write("GET /healthz HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(get(server, "/healthz").statusCode()).isEqualTo(503); // no tick yet, but answered
            } finally {
                for (Socket s : slow) {
                    if (s != null) {
                        s.close();
                    }
                }
            }
        }
    }

    private StatusServer server(Duration readTimeout) throws IOException {
        return new StatusServer("127.0.0.1", 0, List::of, clocks.wall, clocks::nanoTime, MINUTE, readTimeout);
    }

    private static TickReport report(Instant at) {
        return new TickReport(at, Duration.ZERO, false, List.of(), ApiUsage.NONE);
    }

    private HttpResponse<String> get(StatusServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
