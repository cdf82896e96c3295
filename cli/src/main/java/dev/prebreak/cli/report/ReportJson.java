package dev.prebreak.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.core.plan.Action;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;

/** A tick report as JSON, with a stable shape for scripts and dashboards. */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectNode of(TickReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", report.at().toString());
        root.put("dryRun", report.dryRun());
        root.put("failed", report.failed());
        root.put("durationMillis", report.duration().toMillis());
        root.put("agentsEvaluated", report.agentsEvaluated());
        root.put("candidates", report.candidates());
        ObjectNode api = root.putObject("api");
        api.put("calls", report.api().calls());
        api.put("rateLimited", report.api().rateLimited());
        api.put("retries", report.api().retries());
        ObjectNode skips = root.putObject("skips");
        report.skipCounts().forEach((reason, n) -> skips.put(reason.name(), n));
        ArrayNode units = root.putArray("businessUnits");
        for (UnitReport unit : report.units()) {
            ObjectNode u = units.addObject();
            u.put("id", unit.businessUnitId());
            u.put("name", unit.name());
            u.put("timeZone", unit.timeZone().getId());
            unit.failure().ifPresent(f -> u.put("failure", f));
            u.put("agentsScheduled", unit.agentsScheduled());
            u.put("candidates", unit.candidates());
            ArrayNode changes = u.putArray("changes");
            for (ActionResult r : unit.results()) {
                Action a = r.action();
                ObjectNode c = changes.addObject();
                c.put("userId", a.userId());
                unit.agentName(a.userId()).ifPresent(n -> c.put("agentName", n));
                unit.activityName(a.key()).ifPresent(n -> c.put("activity", n));
                c.put("activityStartLocal", a.key().activityStart().atZone(unit.timeZone()).toOffsetDateTime().toString());
                c.put("kind", a.kind().name());
                c.put("rule", a.key().ruleName());
                c.put("activityStart", a.key().activityStart().toString());
                c.put("presenceId", a.target().id());
                c.put("presence", a.target().label());
                c.put("outcome", r.outcome().name());
                r.error().ifPresent(e -> c.put("error", e));
            }
            ArrayNode skipped = u.putArray("skips");
            for (Skip s : unit.skips()) {
                ObjectNode o = skipped.addObject();
                o.put("userId", s.userId());
                unit.agentName(s.userId()).ifPresent(n -> o.put("agentName", n));
                o.put("reason", s.reason().name());
                o.put("explanation", SkipText.of(s));
                o.put("kind", s.wouldHaveBeen().name());
                o.put("rule", s.key().ruleName());
                o.put("activityStart", s.key().activityStart().toString());
                unit.activityName(s.key()).ifPresent(n -> o.put("activity", n));
                o.put("activityStartLocal", s.key().activityStart().atZone(unit.timeZone()).toOffsetDateTime().toString());
                o.put("detail", s.detail());
            }
            ArrayNode unknown = u.putArray("unknownActivityCodes");
            unit.unknownActivityCodes().forEach(unknown::add);
        }
        return root;
    }

    public static String render(TickReport report) {
        try {
            return JSON.writeValueAsString(of(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
