package dev.prebreak.cli.serve;

import static dev.prebreak.cli.serve.Reports.key;
import static dev.prebreak.cli.serve.Reports.result;
import static dev.prebreak.cli.serve.Reports.skip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiCall;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /metrics: the text exposition format, parsed strictly, with the series and names operators rely on. */
class MetricsTest {
    private static final Pattern ID = Pattern.compile(".*[0-9a-f]{8}-[0-9a-f]{4}-.*|.*\\d{3,}.*");

    @Test
    void aScrapeParsesAndCarriesEverySeriesWithBoundedLabels() throws Exception {
        DaemonTest.VirtualClock clock = new DaemonTest.VirtualClock(Instant.parse("2030-03-05T14:00:00Z"));
        AtomicReference<ApiUsage> usage = new AtomicReference<>(ApiUsage.NONE);
        Instant start = clock.instant().plus(Duration.ofMinutes(15));
        try (StatusServer server = new StatusServer("127.0.0.1", 0, List::of, clock,
                () -> dev.prebreak.cli.serve.MonotonicClock.epochNanos(clock.instant()), Duration.ofSeconds(60),
                StatusServer.READ_TIMEOUT, new StatusServer.Options(Reports.counting(usage::get), List.of(), Optional.empty(),
                StatusServer.PAGE_REFRESH))) {
            PrometheusText before = scrape(server);
            assertThat(before.value("prebreak_ticks_total{outcome=\"ok\"}")).as("series exist before the first tick").isZero();
            assertThat(before.samples).doesNotContainKey("prebreak_last_successful_tick_age_seconds");

            usage.set(new ApiUsage(7, 1, 2, Map.of(
                    new ApiCall("GET", "/api/v2/users/presences/purecloud/bulk", "200"), 3L,
                    new ApiCall("POST", "/api/v2/workforcemanagement/businessunits/{id}/agentschedules/search", "200"), 2L,
                    new ApiCall("POST", "/api/v2/workforcemanagement/businessunits/{id}/agentschedules/search", "429"), 1L,
                    new ApiCall("PATCH", "/api/v2/users/presences/bulk", "none"), 1L)));
            server.ticked(Reports.tick(clock.instant(), List.of(
                            result(ActionKind.PRE_BREAK, key("agent-1", start, "breaks"), Outcome.APPLIED),
                            result(ActionKind.PRE_BREAK, key("agent-2", start, "breaks"), Outcome.APPLIED),
                            result(ActionKind.REVERT, key("agent-3", start, "breaks"), Outcome.UNCERTAIN)),
                    List.of(skip(SkipReason.NOT_ON_QUEUE, key("agent-4", start, "breaks"), "presence AWAY")),
                    Map.of(), Map.of(), new ApiUsage(7, 1, 2)));
            clock.set(clock.instant().plusSeconds(42));

            PrometheusText m = scrape(server);
            assertThat(m.value("prebreak_ticks_total{outcome=\"ok\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_ticks_total{outcome=\"failed\"}")).isZero();
            assertThat(m.value("prebreak_tick_duration_seconds_count")).isEqualTo(1);
            assertThat(m.value("prebreak_tick_duration_seconds_sum")).isEqualTo(0.42);
            assertThat(m.value("prebreak_tick_duration_seconds_bucket{le=\"0.5\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_tick_duration_seconds_bucket{le=\"0.25\"}")).isZero();
            assertThat(m.value("prebreak_tick_duration_seconds_bucket{le=\"+Inf\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_changes_total{kind=\"pre_break\",outcome=\"applied\"}")).isEqualTo(2);
            assertThat(m.value("prebreak_changes_total{kind=\"revert\",outcome=\"uncertain\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_changes_total{kind=\"at_start\",outcome=\"failed\"}")).isZero();
            assertThat(m.value("prebreak_skips_total{reason=\"not_on_queue\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_skips_total{reason=\"over_cap\"}")).isZero();
            assertThat(m.value("prebreak_api_calls_total{endpoint=\"/api/v2/users/presences/purecloud/bulk\",method=\"GET\",status=\"200\"}")).isEqualTo(3);
            assertThat(m.value("prebreak_api_calls_total{endpoint=\"/api/v2/workforcemanagement/businessunits/{id}/agentschedules/search\",method=\"POST\",status=\"429\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_api_calls_total{endpoint=\"/api/v2/users/presences/bulk\",method=\"PATCH\",status=\"none\"}")).isEqualTo(1);
            assertThat(m.value("prebreak_api_rate_limited_total")).isEqualTo(1);
            assertThat(m.value("prebreak_api_retries_total")).isEqualTo(2);
            assertThat(m.value("prebreak_last_successful_tick_age_seconds")).isEqualTo(42);
            assertThat(m.value("prebreak_last_successful_tick_timestamp_seconds")).isEqualTo(clock.instant().minusSeconds(42).getEpochSecond());
            assertThat(m.value("prebreak_cache_entries{cache=\"schedules\"}")).isEqualTo(200);
            assertThat(m.value("prebreak_cache_entries{cache=\"status_page_day\"}")).isEqualTo(4);
            assertThat(m.value("prebreak_upcoming_pre_breaks")).isZero();

            conventions(m);
        }
    }

    /** Prometheus' conventions: one prefix, units in names, counters end in _total, no id ever a label value. */
    static void conventions(PrometheusText m) {
        m.types.forEach((family, type) -> {
            assertThat(family).startsWith("prebreak_");
            if (type.equals("histogram") || type.equals("gauge") && !family.endsWith("_entries") && !family.endsWith("_breaks")) {
                assertThat(family).as("a unit in the name").matches(".*_(seconds|bytes)$");
            }
        });
        m.samples.keySet().forEach(key -> {
            String type = m.types.get(m.family.get(key));
            String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (type.equals("counter")) {
                assertThat(name).as(key).endsWith("_total");
            }
            m.labels.get(key).forEach((label, value) -> {
                if (!label.equals("le") && !label.equals("status")) {
                    assertThat(value).as("label %s of %s is bounded: no ids", label, key).doesNotMatch(ID);
                }
            });
        });
    }

    static PrometheusText scrape(StatusServer server) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(answer.body());
    }
}
