package dev.prebreak.cli.day;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as tables for people: per unit, counts by kind and outcome, by rule and hour, by agent. */
final class DayText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

    private DayText() {
    }

    static void print(DayReport report, String source, PrintWriter out) {
        if (report.units().isEmpty()) {
            out.println("no audit records in " + source + " for that day");
            return;
        }
        for (UnitDay unit : report.units()) {
            printUnit(unit, report, source, out);
        }
    }

    private static void printUnit(UnitDay unit, DayReport report, String source, PrintWriter out) {
        Day day = unit.day();
        out.println("business unit " + (unit.businessUnitId() == null ? "(unknown)" : unit.businessUnitId())
                + " on " + DATE.format(day.date()) + ", times in " + zoneName(day.zone()) + ": "
                + unit.records().size() + (unit.records().size() == 1 ? " record" : " records") + " in " + source);
        if (unit.records().isEmpty()) {
            return;
        }
        List<Outcome> outcomes = new ArrayList<>(unit.outcomes());

        out.println("  by kind and outcome:");
        TextTable kinds = new TextTable(1).row(header("kind", outcomes));
        unit.byKind().forEach((kind, tally) -> kinds.row(cells(kind.name(), tally, outcomes)));
        kinds.row(cells("total", UnitDay.tally(unit.records()), outcomes));
        kinds.print(out, "    ");

        out.println("  by rule and hour:");
        List<String> ruleHeader = new ArrayList<>(List.of("rule", "hour"));
        ruleHeader.addAll(header("", outcomes).subList(1, outcomes.size() + 2));
        TextTable rules = new TextTable(2).row(ruleHeader);
        unit.byRuleAndHour().forEach((key, tally) -> {
            List<String> row = new ArrayList<>(List.of(key.rule().isEmpty() ? "-" : key.rule(), String.format(Locale.ROOT, "%02d:00", key.hour())));
            row.addAll(cells("", tally, outcomes).subList(1, outcomes.size() + 2));
            rules.row(row);
        });
        rules.print(out, "    ");

        if (report.agents()) {
            out.println("  by agent:");
            TextTable agents = new TextTable(1).row(header("agent", outcomes));
            unit.byAgent().forEach((agent, records) -> agents.row(cells(agent.label(), UnitDay.tally(records), outcomes)));
            agents.print(out, "    ");
        }
        if (report.agentRecords()) {
            unit.byAgent().forEach((agent, records) -> {
                out.println("  " + agent.label() + ":");
                records.forEach(r -> out.println("    " + line(r, day.zone())));
            });
        }
    }

    /** "09:45:01  PRE_BREAK for Mon 10:00 [rule breaks]: APPLIED (detail)" */
    private static String line(AuditRecord r, ZoneId zone) {
        StringBuilder s = new StringBuilder(TIME.format(r.at().atZone(zone))).append("  ").append(r.kind().name());
        if (r.activityStart() != null) {
            s.append(" for ").append(START.format(r.activityStart().atZone(zone)));
        }
        if (r.ruleName() != null) {
            s.append(" [rule ").append(r.ruleName()).append(']');
        }
        s.append(": ").append(r.outcome().name());
        if (!r.detail().isEmpty()) {
            s.append(" (").append(r.detail()).append(')');
        }
        return s.toString();
    }

    private static List<String> header(String first, List<Outcome> outcomes) {
        List<String> row = new ArrayList<>(List.of(first));
        outcomes.forEach(o -> row.add(o.name()));
        row.add("total");
        return row;
    }

    private static List<String> cells(String first, Tally tally, List<Outcome> outcomes) {
        List<String> row = new ArrayList<>(List.of(first));
        outcomes.forEach(o -> row.add(Integer.toString(tally.count(o))));
        row.add(Integer.toString(tally.total()));
        return row;
    }

    static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
