package dev.prebreak.cli.serve;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiCall;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daemon's Prometheus metrics, kept by the Prometheus Java client and written in its text
 * exposition format for {@code GET /metrics}. Counters grow from each tick report; the API counts and
 * the gauges are read when scraped. Label values come from enums and route templates only, so the
 * series stay few whatever the org's size: no agent, unit or activity id is ever a label.
 */
final class DaemonMetrics implements TickListener {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final LongSupplier monotonicNanos;
    private final Counter ticks;
    private final Histogram tickDuration;
    private final Counter changes;
    private final Counter skips;
    private volatile long lastSuccessNanos = -1;
    private volatile Instant lastSuccessAt;
    private volatile int schedulesCached;
    private volatile int upcoming;

    /**
     * @param usage the Genesys client's traffic so far
     * @param ledgerSize entries the status page keeps for today
     */
    DaemonMetrics(Supplier<ApiUsage> usage, LongSupplier monotonicNanos, IntSupplier ledgerSize) {
        this.monotonicNanos = monotonicNanos;
        ticks = Counter.builder().name("prebreak_ticks_total")
                .help("Ticks run, by outcome: ok, or failed (a business unit could not be ticked, or the tick could not run)")
                .labelNames("outcome").withoutExemplars().register(registry);
        tickDuration = Histogram.builder().name("prebreak_tick_duration_seconds").help("How long a tick took")
                .classicOnly().classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120)
                .withoutExemplars().register(registry);
        changes = Counter.builder().name("prebreak_changes_total")
                .help("Presence changes by kind (pre_break, at_start, revert) and outcome (applied, failed, uncertain, ...)")
                .labelNames("kind", "outcome").withoutExemplars().register(registry);
        skips = Counter.builder().name("prebreak_skips_total")
                .help("Decisions to leave an agent alone, by reason; one a tick while the reason holds")
                .labelNames("reason").withoutExemplars().register(registry);
        // Zero from the start, so that rate() and alerts see every series before its first increment.
        ticks.labelValues("ok");
        ticks.labelValues("failed");
        for (ActionKind kind : ActionKind.values()) {
            for (Outcome outcome : Outcome.values()) {
                changes.labelValues(label(kind), label(outcome));
            }
        }
        for (SkipReason reason : SkipReason.values()) {
            skips.labelValues(label(reason));
        }
        CounterWithCallback.builder().name("prebreak_api_calls_total")
                .help("Genesys Cloud API requests by method, route template and HTTP status (none: no answer), retries included")
                .labelNames("method", "endpoint", "status")
                .callback(cb -> {
                    for (Map.Entry<ApiCall, Long> e : usage.get().byEndpoint().entrySet()) {
                        cb.call(e.getValue(), e.getKey().method(), e.getKey().endpoint(), e.getKey().status());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("prebreak_api_rate_limited_total").help("Genesys Cloud answers of 429 Too Many Requests")
                .callback(cb -> cb.call(usage.get().rateLimited())).register(registry);
        CounterWithCallback.builder().name("prebreak_api_retries_total")
                .help("Genesys Cloud requests sent again after a 429, a 5xx or a broken connection")
                .callback(cb -> cb.call(usage.get().retries())).register(registry);
        GaugeWithCallback.builder().name("prebreak_last_successful_tick_age_seconds")
                .help("Seconds since the last tick that did not fail, by the monotonic clock; absent before the first")
                .callback(cb -> {
                    long at = lastSuccessNanos;
                    if (at >= 0) {
                        cb.call((monotonicNanos.getAsLong() - at) / 1e9);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("prebreak_last_successful_tick_timestamp_seconds")
                .help("When the last tick that did not fail ran, in seconds since the epoch; absent before the first")
                .callback(cb -> {
                    Instant at = lastSuccessAt;
                    if (at != null) {
                        cb.call(at.getEpochSecond() + at.getNano() / 1e9);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("prebreak_cache_entries")
                .help("Entries held in memory: schedules (agents whose schedules are cached), status_page_day (today's changes and skips)")
                .labelNames("cache")
                .callback(cb -> {
                    cb.call(schedulesCached, "schedules");
                    cb.call(ledgerSize.getAsInt(), "status_page_day");
                }).register(registry);
        GaugeWithCallback.builder().name("prebreak_upcoming_pre_breaks")
                .help("Pre-breaks due in the next 30 minutes, as of the last tick")
                .callback(cb -> cb.call(upcoming)).register(registry);
    }

    @Override
    public void ticked(TickReport report) {
        ticks.labelValues(report.failed() ? "failed" : "ok").inc();
        tickDuration.observe(report.duration().toNanos() / 1e9);
        for (ActionResult r : report.results()) {
            changes.labelValues(label(r.action().kind()), label(r.outcome())).inc();
        }
        report.skipCounts().forEach((reason, n) -> skips.labelValues(label(reason)).inc(n));
        schedulesCached = report.agentsEvaluated();
        if (!report.failed()) {
            lastSuccessNanos = monotonicNanos.getAsLong();
            lastSuccessAt = report.at();
        }
    }

    @Override
    public void failed(Instant at, RuntimeException error) {
        ticks.labelValues("failed").inc();
    }

    void upcoming(int count) {
        upcoming = count;
    }

    /** The text exposition format (version 0.0.4). */
    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String contentType() {
        return writer.getContentType();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
