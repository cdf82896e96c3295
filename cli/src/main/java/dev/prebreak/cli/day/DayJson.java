package dev.prebreak.cli.day;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import java.io.PrintWriter;
import java.util.Map;

/** The report as JSON: per unit its day and zone, the same counts as the tables, and with agents by name their records. */
final class DayJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DayJson() {
    }

    static void print(DayReport report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode units = root.putArray("units");
        for (UnitDay unit : report.units()) {
            ObjectNode u = units.addObject();
            u.put("businessUnitId", unit.businessUnitId());
            u.put("date", unit.day().date().toString());
            u.put("timeZone", unit.day().zone().getId());
            u.put("from", unit.day().start().toString());
            u.put("to", unit.day().end().toString());
            u.put("records", unit.records().size());
            counts(u.putObject("byOutcome"), UnitDay.tally(unit.records()));
            ArrayNode kinds = u.putArray("byKind");
            unit.byKind().forEach((kind, tally) -> counts(kinds.addObject().put("kind", kind.name()).putObject("outcomes"), tally));
            ArrayNode rules = u.putArray("byRuleAndHour");
            unit.byRuleAndHour().forEach((key, tally) -> counts(rules.addObject().put("rule", key.rule().isEmpty() ? null : key.rule())
                    .put("hour", key.hour()).putObject("outcomes"), tally));
            if (report.agents()) {
                ArrayNode agents = u.putArray("agents");
                unit.byAgent().forEach((agent, records) -> {
                    ObjectNode a = agents.addObject().put("userId", agent.userId()).put("agentName", agent.name());
                    counts(a.putObject("outcomes"), UnitDay.tally(records));
                    if (report.agentRecords()) {
                        ArrayNode list = a.putArray("records");
                        records.forEach(r -> record(list.addObject(), r, unit));
                    }
                });
            }
        }
        out.println(root.toPrettyString());
    }

    private static void counts(ObjectNode into, Tally tally) {
        for (Map.Entry<Outcome, Integer> e : tally.counts().entrySet()) {
            into.put(e.getKey().name(), e.getValue());
        }
        into.put("total", tally.total());
    }

    private static void record(ObjectNode o, AuditRecord r, UnitDay unit) {
        o.put("at", r.at().toString());
        o.put("atLocal", r.at().atZone(unit.day().zone()).toOffsetDateTime().toString());
        o.put("kind", r.kind().name());
        o.put("rule", r.ruleName());
        o.put("activityStart", r.activityStart() == null ? null : r.activityStart().toString());
        o.put("activityStartLocal", r.activityStart() == null ? null
                : r.activityStart().atZone(unit.day().zone()).toOffsetDateTime().toString());
        o.put("outcome", r.outcome().name());
        o.put("detail", r.detail().isEmpty() ? null : r.detail());
    }
}
