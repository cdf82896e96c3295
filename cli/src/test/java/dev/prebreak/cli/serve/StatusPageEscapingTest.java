package dev.prebreak.cli.serve;

import static dev.prebreak.cli.serve.Reports.key;
import static dev.prebreak.cli.serve.Reports.result;
import static dev.prebreak.cli.serve.Reports.skip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.tick.UpcomingAction;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names come from Genesys, where anyone with a profile can write anything: the page shows them, and never runs them. */
class StatusPageEscapingTest {
    private static final String EVIL = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">Mal'lory & \"Co\"";
    private static final String EVIL_ACTIVITY = "</td><script>window.pwned=3</script>";

    @Test
    void namesWithMarkupAreShownAsTextAndNeverRun() throws Exception {
        DaemonTest.VirtualClock clock = new DaemonTest.VirtualClock(Instant.parse("2030-03-05T14:00:00Z"));
        Instant start = clock.instant().plus(Duration.ofMinutes(20));
        ActivityKey evilKey = key("agent-evil", start, "breaks");
        List<UpcomingAction> upcoming = List.of(new UpcomingAction(Reports.UNIT, "agent-evil", "breaks",
                start.minus(Duration.ofMinutes(15)), start, EVIL_ACTIVITY, EVIL));
        try (StatusServer server = new StatusServer("127.0.0.1", 0, () -> upcoming, clock,
                () -> MonotonicClock.epochNanos(clock.instant()), Duration.ofSeconds(60), StatusServer.READ_TIMEOUT,
                new StatusServer.Options(null, List.of(), Optional.empty(), Duration.ofSeconds(1)))) {
            server.ticked(Reports.tick(clock.instant(),
                    List.of(result(ActionKind.PRE_BREAK, evilKey, Outcome.APPLIED)),
                    List.of(skip(SkipReason.NOT_ON_QUEUE, key("agent-evil", start.plusSeconds(3600), "breaks"), "presence <b>AWAY</b>")),
                    Map.of("agent-evil", EVIL), Map.of(evilKey, EVIL_ACTIVITY), ApiUsage.NONE));
            String query = "/?agent=" + URLEncoder.encode("<script>window.pwned=4</script>", StandardCharsets.UTF_8);

            HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.body()).doesNotContain("<script>window").doesNotContain("<img").contains("&lt;script&gt;window.pwned=1");
            assertThat(raw.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("script-src 'nonce-").doesNotContain("unsafe-inline");

            try (HeadlessChromium chromium = HeadlessChromium.start(1024, 800)) {
                for (String path : List.of("/", query)) {
                    chromium.driver.get("http://127.0.0.1:" + server.port() + path);
                    // The page's own script swaps in a fresh copy: that must not run them either.
                    HeadlessChromium.await("the page to refresh itself", Duration.ofSeconds(15), () -> Long.valueOf(1).equals(
                            chromium.driver.executeScript("return +(document.getElementById('page').dataset.refreshed||0) >= 1 ? 1 : 0")));
                    assertThat(chromium.driver.executeScript("return typeof window.pwned")).as(path).isEqualTo("undefined");
                    assertThat(chromium.driver.executeScript("return document.querySelectorAll('img').length")).isEqualTo(0L);
                    assertThat(chromium.driver.executeScript("return document.scripts.length")).as("only the page's own").isEqualTo(1L);
                }
                chromium.driver.get("http://127.0.0.1:" + server.port() + "/");
                assertThat(chromium.driver.executeScript("return document.querySelector('#upcoming .name').textContent")).isEqualTo(EVIL);
                assertThat(chromium.driver.executeScript("return document.querySelector('table.changes .name').textContent")).isEqualTo(EVIL);
                assertThat(chromium.driver.executeScript("return document.querySelector('#upcoming tr.upcoming td:nth-child(2)').textContent"))
                        .isEqualTo(EVIL_ACTIVITY);
                chromium.driver.get("http://127.0.0.1:" + server.port() + "/?agent=" + URLEncoder.encode("Mal'lory", StandardCharsets.UTF_8));
                assertThat(chromium.driver.executeScript("return document.getElementById('agent').value")).isEqualTo("Mal'lory");
                assertThat(chromium.driver.executeScript("return document.querySelectorAll('tr.change').length")).as("found by name").isEqualTo(1L);
            }
        }
    }
}
