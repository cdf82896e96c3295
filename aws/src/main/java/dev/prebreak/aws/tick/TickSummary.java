package dev.prebreak.aws.tick;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.tick.TickReport;
import java.util.List;

/**
 * What a successful invocation returns: enough to see in the Lambda console or a test what the tick
 * did. The details are in the logs and metrics.
 */
public record TickSummary(String at, boolean dryRun, List<String> businessUnits, int agentsEvaluated, int candidates,
                          int applied, int dryRunActions, int takenByAnotherTick, int writeFailures, int skipped,
                          long apiCalls, long rateLimited, long durationMillis) {

    public static TickSummary of(TickReport report) {
        return new TickSummary(report.at().toString(), report.dryRun(),
                report.units().stream().map(u -> u.businessUnitId()).toList(),
                report.agentsEvaluated(), report.candidates(),
                total(report, Outcome.APPLIED), total(report, Outcome.DRY_RUN), total(report, Outcome.TAKEN_BY_ANOTHER_TICK),
                total(report, Outcome.FAILED), report.skipCounts().values().stream().mapToInt(Integer::intValue).sum(),
                report.api().calls(), report.api().rateLimited(), report.duration().toMillis());
    }

    private static int total(TickReport report, Outcome outcome) {
        return report.count(outcome).values().stream().mapToInt(Integer::intValue).sum();
    }
}
