package dev.prebreak.aws.metrics;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * One tick as CloudWatch metrics, in embedded metric format (a JSON log line that CloudWatch turns
 * into metrics: no PutMetricData call, no extra permission). Every metric is written on every tick,
 * zeros included, so that graphs have no gaps and alarms see "no failures" rather than "no data".
 *
 * <p>Names: {@code AgentsEvaluated}, {@code Candidates}, {@code ApiCalls}, {@code RateLimited} (429
 * answers), {@code ApiRetries}, {@code TickDuration}, {@code FailedUnits}, {@code TickFailed},
 * {@code WriteFailures}; one per action kind and outcome ({@code PreBreakApplied}, {@code RevertFailed},
 * {@code AtStartDryRun}, ...); one per skip reason ({@code SkippedNotOnQueue}, ...).
 */
public final class TickMetrics {
    private final Metrics metrics;

    public TickMetrics(Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** A tick that ran; {@code failed} when it still must fail the invocation (some unit could not be ticked). */
    public void publish(TickReport report, boolean failed, Duration took) {
        try {
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
            metrics.flush();
        }
    }

    /** A tick that never produced a report: configuration, credentials or org-wide reads failed. */
    public void publishFailure(Duration took) {
        try {
            metrics.addMetric("TickFailed", 1, MetricUnit.COUNT);
            metrics.addMetric("TickDuration", took.toMillis(), MetricUnit.MILLISECONDS);
        } finally {
            metrics.flush();
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
