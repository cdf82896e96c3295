package dev.prebreak.aws.metrics;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One tick as CloudWatch metrics, in embedded metric format (a JSON log line that CloudWatch turns
 * into metrics: no PutMetricData call, no extra permission). Every metric is written on every tick,
 * zeros included, so that graphs have no gaps and alarms see "no failures" rather than "no data".
 *
 * <p>Names: {@code AgentsEvaluated}, {@code Candidates}, {@code ApiCalls}, {@code RateLimited} (429
 * answers), {@code ApiRetries}, {@code TickDuration}, {@code FailedUnits}, {@code TickFailed},
 * {@code WriteFailures}; one per action kind and outcome ({@code PreBreakApplied}, {@code RevertFailed},
 * {@code AtStartDryRun}, ...); one per skip reason ({@code SkippedNotOnQueue}, ...). The names are
 * listed by {@link #names()}, which the dashboards in deploy/ are checked against.
 *
 * <p>Every metric carries the dimension {@value #BUSINESS_UNIT}: the business unit the tick was for,
 * or {@value #ALL_UNITS} for a tick over several (SAM's single schedule). Its values are only ever
 * configured unit ids (an invocation may not widen the scope), so the number of metric series stays
 * bounded by the configuration. It is the whole dimension set beside the service's own
 * ({@code Service}): one set, not several, so each value is counted once.
 */
public final class TickMetrics {
    public static final String BUSINESS_UNIT = "BusinessUnit";
    public static final String ALL_UNITS = "all";
    private static final List<String> TICK_METRICS = List.of("AgentsEvaluated", "Candidates", "ApiCalls", "RateLimited",
            "ApiRetries", "FailedUnits", "TickFailed", "TickDuration", "WriteFailures");

    private final Metrics metrics;
    /** The dimensions the metrics come with (Powertools' {@code Service}), kept to put back after each flush. */
    private final DimensionSet defaults;

    public TickMetrics(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        DimensionSet given = metrics.getDefaultDimensions();
        this.defaults = given == null ? new DimensionSet() : given;
    }

    /** Every metric name {@link #publish} writes. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>(TICK_METRICS);
        for (Outcome outcome : Outcome.values()) {
            for (ActionKind kind : ActionKind.values()) {
                names.add(camel(kind.name()) + camel(outcome.name()));
            }
        }
        for (SkipReason reason : SkipReason.values()) {
            names.add("Skipped" + camel(reason.name()));
        }
        return names;
    }

    /** The dimension value for a tick over {@code units}: the unit itself when there is one, else {@value #ALL_UNITS}. */
    public static String unitDimension(List<String> units) {
        return units.size() == 1 ? units.get(0) : ALL_UNITS;
    }

    /**
     * A tick that ran, over {@code unit} (see {@link #unitDimension}); {@code failed} when it still must
     * fail the invocation (some unit could not be ticked).
     */
    public void publish(String unit, TickReport report, boolean failed, Duration took) {
        try {
            dimension(unit);
            metrics.addMetric("AgentsEvaluated", report.agentsEvaluated(), MetricUnit.COUNT);
            metrics.addMetric("Candidates", report.candidates(), MetricUnit.COUNT);
            metrics.addMetric("ApiCalls", report.api().calls(), MetricUnit.COUNT);
            metrics.addMetric("RateLimited", report.api().rateLimited(), MetricUnit.COUNT);
            metrics.addMetric("ApiRetries", report.api().retries(), MetricUnit.COUNT);
            metrics.addMetric("FailedUnits", report.failures().size(), MetricUnit.COUNT);
            metrics.addMetric("TickFailed", failed ? 1 : 0, MetricUnit.COUNT);
            metrics.addMetric("TickDuration", took.toMillis(), MetricUnit.MILLISECONDS);
            int writeFailures = 0;
            for (Outcome outcome : Outcome.values()) {
                Map<ActionKind, Integer> counts = report.count(outcome);
                for (ActionKind kind : ActionKind.values()) {
                    int n = counts.getOrDefault(kind, 0);
                    metrics.addMetric(camel(kind.name()) + camel(outcome.name()), n, MetricUnit.COUNT);
                    if (outcome == Outcome.FAILED) {
                        writeFailures += n;
                    }
                }
            }
            metrics.addMetric("WriteFailures", writeFailures, MetricUnit.COUNT);
            Map<SkipReason, Integer> skips = report.skipCounts();
            for (SkipReason reason : SkipReason.values()) {
                metrics.addMetric("Skipped" + camel(reason.name()), skips.getOrDefault(reason, 0), MetricUnit.COUNT);
            }
        } finally {
            flush();
        }
    }

    /** A tick that never produced a report: configuration, credentials or org-wide reads failed. */
    public void publishFailure(String unit, Duration took) {
        try {
            dimension(unit);
            metrics.addMetric("TickFailed", 1, MetricUnit.COUNT);
            metrics.addMetric("TickDuration", took.toMillis(), MetricUnit.MILLISECONDS);
        } finally {
            flush();
        }
    }

    /**
     * The unit as part of the one dimension set, {@code Service} and {@code BusinessUnit}. Added as its own
     * set instead, EMF would publish every value twice (with and without the unit), and graphs that sum
     * over the service would count each tick twice.
     */
    private void dimension(String unit) {
        Map<String, String> both = new LinkedHashMap<>(defaults.getDimensions());
        both.put(BUSINESS_UNIT, unit);
        metrics.setDefaultDimensions(DimensionSet.of(both));
    }

    private void flush() {
        try {
            metrics.flush();
        } finally {
            metrics.setDefaultDimensions(defaults);
        }
    }

    /** PRE_BREAK to PreBreak, TAKEN_BY_ANOTHER_TICK to TakenByAnotherTick. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
