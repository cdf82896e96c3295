package dev.prebreak.cli.day;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as one CSV table at the finest grain (unit, rule, hour, kind, outcome; and agent with
 * {@code --agent}), one count a row: any of the tables the text shows is a pivot of it in a spreadsheet.
 */
final class DayCsv {
    private DayCsv() {
    }

    static void print(DayReport report, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("businessUnitId", "date", "timeZone", "rule", "hour", "kind", "outcome"));
        if (report.agents()) {
            header.addAll(List.of("userId", "agentName"));
        }
        header.add("count");
        out.println(line(header));
        for (UnitDay unit : report.units()) {
            Map<List<String>, Integer> counts = new TreeMap<>(DayCsv::compare);
            for (AuditRecord r : unit.records()) {
                List<String> key = new ArrayList<>(List.of(unit.businessUnitId() == null ? "" : unit.businessUnitId(),
                        unit.day().date().toString(), unit.day().zone().getId(), r.ruleName() == null ? "" : r.ruleName(),
                        Integer.toString(r.at().atZone(unit.day().zone()).getHour()), r.kind().name(), r.outcome().name()));
                if (report.agents()) {
                    key.add(r.userId());
                    key.add(r.agentName());
                }
                counts.merge(key, 1, Integer::sum);
            }
            counts.forEach((key, n) -> {
                List<String> row = new ArrayList<>(key);
                row.add(Integer.toString(n));
                out.println(line(row));
            });
        }
    }

    /** Rows in the order people read them: rule, hour as a number, then kind and outcome in their own order. */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = switch (i) {
                case 4 -> Integer.compare(Integer.parseInt(a.get(i)), Integer.parseInt(b.get(i)));
                case 5 -> ActionKind.valueOf(a.get(i)).compareTo(ActionKind.valueOf(b.get(i)));
                case 6 -> Outcome.valueOf(a.get(i)).compareTo(Outcome.valueOf(b.get(i)));
                default -> a.get(i).compareTo(b.get(i));
            };
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String line(List<String> cells) {
        List<String> escaped = new ArrayList<>();
        cells.forEach(c -> escaped.add(cell(c)));
        return String.join(",", escaped);
    }

    /**
     * RFC 4180 quoting; and a name that a spreadsheet would run as a formula (=, +, -, @ first) is
     * prefixed with an apostrophe, since agent names come from Genesys, not from whoever opens the file.
     */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
