package dev.prebreak.cli.serve;

import dev.prebreak.cli.report.SkipText;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The status page at {@code GET /}: one self-contained HTML document (its style and its one small script
 * inline, no font or file from anywhere), readable on a laptop and a phone. Every name, id and message
 * goes through {@link Html#text}, and the page's Content-Security-Policy lets only its own nonce-marked
 * script run, so a name such as {@code <script>} is shown, never run. It refreshes itself every
 * {@code refresh} by fetching itself again (keeping the search and any open list); without script, a
 * meta refresh does the same.
 */
final class StatusPage {
    /** Rows shown per list; the search narrows a longer list to the agents wanted. */
    static final int MAX_ROWS = 200;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    /**
     * Everything the page shows, read at one moment.
     *
     * @param problems why the daemon is unhealthy; empty when healthy
     * @param lastReport the last tick's report; null before any tick, or when the last tick could not run
     * @param lastError why the last tick could not run at all, or null
     * @param callsLastMinute API calls in the last minute, against {@code budgetPerMinute}
     * @param total the client's traffic since start
     * @param agent the search: only agents whose name or id contains it (ignoring case); empty for all
     */
    record View(Instant now, Instant startedAt, Duration tick, Duration refresh, List<String> problems, Instant lastTickAt,
                TickReport lastReport, String lastError, List<Lookahead.Row> upcoming, List<DayLedger.Day> days,
                long callsLastMinute, int budgetPerMinute, ApiUsage total, String agent) {
    }

    private StatusPage() {
    }

    static String render(View v, String nonce) {
        StringBuilder h = new StringBuilder(16_384);
        long refreshSeconds = Math.max(1, v.refresh().toSeconds());
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<noscript><meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\"></noscript>")
                .append("<title>prebreak ").append(v.problems().isEmpty() ? "ok" : "UNHEALTHY").append("</title>")
                .append("<style nonce=\"").append(nonce).append("\">").append(STYLE).append("</style></head>\n<body>");
        h.append("<main id=\"page\" data-refresh=\"").append(refreshSeconds).append("\">");
        header(h, v);
        units(h, v);
        upcoming(h, v);
        today(h, v);
        h.append("<footer>prebreak status, served by the daemon itself. Updated ")
                .append(v.now().atZone(ZoneOffset.UTC).format(CLOCK_SECONDS)).append(" UTC; refreshes every ")
                .append(refreshSeconds).append(" s. <a href=\"/status\">JSON</a> · <a href=\"/metrics\">metrics</a> · ")
                .append("<a href=\"/healthz\">health</a></footer>");
        h.append("</main>\n<script nonce=\"").append(nonce).append("\">").append(SCRIPT).append("</script></body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, View v) {
        boolean ok = v.problems().isEmpty();
        h.append("<header><h1>prebreak</h1><p id=\"health\" class=\"pill ").append(ok ? "ok" : "bad").append("\">")
                .append(ok ? "Healthy" : "Unhealthy").append("</p>");
        if (!ok) {
            h.append("<ul class=\"problems\">");
            v.problems().forEach(p -> h.append("<li>").append(Html.text(p)).append("</li>"));
            h.append("</ul>");
        }
        h.append("<form id=\"find\" method=\"get\" action=\"/\" role=\"search\"><label for=\"agent\">Find an agent</label>")
                .append("<input id=\"agent\" name=\"agent\" type=\"search\" autocomplete=\"off\" placeholder=\"name or id\" value=\"")
                .append(Html.text(v.agent())).append("\"><button type=\"submit\">Find</button>");
        if (!v.agent().isEmpty()) {
            h.append(" <a href=\"/\">show everyone</a>");
        }
        h.append("</form></header>");
    }

    private static void units(StringBuilder h, View v) {
        h.append("<section id=\"units\"><h2>Business units</h2><div class=\"cards\">");
        TickReport r = v.lastReport();
        if (r == null) {
            h.append("<div class=\"card\"><p>").append(v.lastError() != null
                    ? "The last tick could not run: " + Html.text(v.lastError())
                    : "No tick has run yet (started " + ago(v.startedAt(), v.now()) + ").").append("</p></div>");
        } else {
            for (UnitReport u : r.units()) {
                boolean failed = u.failure().isPresent();
                h.append("<div class=\"card unit\" data-unit=\"").append(Html.text(u.businessUnitId())).append("\"><h3>")
                        .append(Html.text(u.name().isBlank() ? u.businessUnitId() : u.name()))
                        .append(" <span class=\"pill ").append(failed ? "bad\">failed" : "ok\">ok").append("</span></h3>")
                        .append("<p class=\"sub\">").append(Html.text(u.businessUnitId())).append(" · times in ")
                        .append(Html.text(zoneName(u.timeZone()))).append("</p><dl>")
                        .append("<dt>Last tick</dt><dd class=\"last-tick\">").append(local(r.at(), u.timeZone(), true))
                        .append(" (").append(ago(v.lastTickAt(), v.now())).append(")</dd>")
                        .append("<dt>Took</dt><dd>").append(String.format(Locale.ROOT, "%.2f s", r.duration().toMillis() / 1000.0)).append("</dd>")
                        .append("<dt>API calls</dt><dd>").append(r.api().calls()).append(" (").append(r.api().rateLimited())
                        .append(" throttled, ").append(r.api().retries()).append(" retried)</dd>")
                        .append("<dt>Agents</dt><dd>").append(u.agentsScheduled()).append(" with schedules, ")
                        .append(u.candidates()).append(" read</dd></dl>");
                u.failure().ifPresent(f -> h.append("<p class=\"error\">").append(Html.text(f)).append("</p>"));
                h.append("</div>");
            }
        }
        long used = v.callsLastMinute();
        int percent = (int) Math.min(100, Math.ceil(100.0 * used / Math.max(1, v.budgetPerMinute())));
        h.append("<div class=\"card\" id=\"budget\"><h3>Rate budget</h3><p><b>").append(used).append("</b> of ")
                .append(v.budgetPerMinute()).append(" API calls a minute used in the last minute</p>")
                .append("<div class=\"bar\"><span data-percent=\"").append(percent).append("\" class=\"w").append((percent + 4) / 5 * 5)
                .append("\"></span></div><p class=\"sub\">Since start: ").append(v.total().calls()).append(" calls, ")
                .append(v.total().rateLimited()).append(" answered 429, ").append(v.total().retries()).append(" retried</p></div>");
        h.append("</div></section>");
    }

    private static void upcoming(StringBuilder h, View v) {
        Predicate<String[]> wanted = wanted(v.agent());
        List<Lookahead.Row> rows = v.upcoming().stream()
                .filter(r -> wanted.test(new String[]{r.agentName(), r.action().userId()})).toList();
        h.append("<section id=\"upcoming\"><h2>Pre-breaks in the next 30 minutes <span class=\"count\">")
                .append(rows.size()).append("</span></h2>");
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">").append(v.agent().isEmpty() ? "None due." : "None for this search.").append("</p></section>");
            return;
        }
        h.append("<div class=\"scroll\"><table><thead><tr><th>Agent</th><th>Activity</th><th>Starts</th><th>Pre-Break</th>")
                .append("<th>Rule</th><th>Eligible now</th></tr></thead><tbody>");
        int shown = 0;
        for (Lookahead.Row row : rows) {
            if (shown++ >= MAX_ROWS) {
                break;
            }
            ZoneId zone = zoneOf(v, row.action().businessUnitId());
            String eligible = row.eligible() == Lookahead.Eligible.YES ? "yes" : row.eligible() == Lookahead.Eligible.NO ? "no" : "unknown";
            h.append("<tr class=\"upcoming\" data-user=\"").append(Html.text(row.action().userId())).append("\">");
            agentCell(h, row.agentName(), row.action().userId());
            h.append("<td>").append(Html.text(row.action().activityName())).append("</td><td class=\"start\">")
                    .append(local(row.action().activityStart(), zone, false)).append("</td><td>")
                    .append(local(row.action().triggerAt(), zone, false)).append(" <span class=\"sub\">in ")
                    .append(minutes(Duration.between(v.now(), row.action().triggerAt()))).append("</span></td><td>")
                    .append(Html.text(row.action().ruleName())).append("</td><td><span class=\"pill ")
                    .append(eligible.equals("yes") ? "ok" : eligible.equals("no") ? "bad" : "muted").append(" eligible\">")
                    .append(eligible).append("</span> <span class=\"sub\">").append(Html.text(row.why())).append("</span></td></tr>");
        }
        h.append("</tbody></table></div>");
        more(h, rows.size());
        h.append("</section>");
    }

    private static void today(StringBuilder h, View v) {
        Predicate<String[]> wanted = wanted(v.agent());
        h.append("<section id=\"today\"><h2>Today</h2>");
        if (v.days().isEmpty()) {
            h.append("<p class=\"empty\">Nothing yet.</p>");
        }
        for (DayLedger.Day day : v.days()) {
            h.append("<div class=\"day\" data-unit=\"").append(Html.text(day.businessUnitId())).append("\"><h3>")
                    .append(Html.text(day.name().isBlank() ? day.businessUnitId() : day.name())).append(", ")
                    .append(day.date().format(DAY)).append("</h3>");
            if (day.since().isAfter(day.date().atStartOfDay(day.zone()).toInstant())) {
                h.append("<p class=\"sub\">Since the daemon started at ").append(local(day.since(), day.zone(), true)).append("</p>");
            }
            Map<Outcome, Map<ActionKind, Integer>> counts = new EnumMap<>(Outcome.class);
            day.changes().forEach(c -> counts.computeIfAbsent(c.outcome(), o -> new EnumMap<>(ActionKind.class)).merge(c.kind(), 1, Integer::sum));
            h.append("<div class=\"tally\">");
            tally(h, "applied", count(counts, Outcome.APPLIED, ActionKind.PRE_BREAK), "ok");
            tally(h, "reverted", count(counts, Outcome.APPLIED, ActionKind.REVERT), "ok");
            tally(h, "at start", count(counts, Outcome.APPLIED, ActionKind.AT_START), "ok");
            tally(h, "uncertain", total(counts, Outcome.UNCERTAIN), "warn");
            tally(h, "unconfirmed", total(counts, Outcome.UNCONFIRMED), "warn");
            tally(h, "failed", total(counts, Outcome.FAILED), "bad");
            if (total(counts, Outcome.DRY_RUN) > 0) {
                tally(h, "dry run", total(counts, Outcome.DRY_RUN), "muted");
            }
            h.append("</div>");

            List<DayLedger.Change> changes = day.changes().stream().filter(c -> wanted.test(new String[]{c.agentName(), c.userId()})).toList();
            h.append("<h4>Changes <span class=\"count\">").append(changes.size()).append("</span></h4>");
            if (changes.isEmpty()) {
                h.append("<p class=\"empty\">None").append(v.agent().isEmpty() ? "" : " for this search").append(".</p>");
            } else {
                h.append("<div class=\"scroll\"><table class=\"changes\"><thead><tr><th>At</th><th>Agent</th><th>Change</th>")
                        .append("<th>Activity</th><th>Rule</th><th>Outcome</th></tr></thead><tbody>");
                changes.stream().limit(MAX_ROWS).forEach(c -> {
                    h.append("<tr class=\"change\" data-user=\"").append(Html.text(c.userId())).append("\"><td>")
                            .append(local(c.at(), day.zone(), false)).append("</td>");
                    agentCell(h, c.agentName(), c.userId());
                    h.append("<td>").append(kind(c.kind())).append("</td><td>").append(Html.text(c.activity()))
                            .append(" <span class=\"sub\">").append(local(c.activityStart(), day.zone(), false)).append("</span></td><td>")
                            .append(Html.text(c.rule())).append("</td><td><span class=\"pill ").append(tone(c.outcome()))
                            .append(" outcome\">").append(outcome(c.outcome())).append("</span>");
                    if (!c.error().isEmpty()) {
                        h.append(" <span class=\"sub\">").append(Html.text(c.error())).append("</span>");
                    }
                    h.append("</td></tr>");
                });
                h.append("</tbody></table></div>");
                more(h, changes.size());
            }

            h.append("<h4>Left alone, by reason</h4>");
            if (day.skipCounts().isEmpty()) {
                h.append("<p class=\"empty\">Nobody.</p>");
            }
            for (Map.Entry<SkipReason, Integer> e : day.skipCounts().entrySet()) {
                List<DayLedger.LeftAlone> agents = day.skips().getOrDefault(e.getKey(), List.of()).stream()
                        .filter(s -> wanted.test(new String[]{s.agentName(), s.userId()})).toList();
                String id = "skips-" + Html.text(day.businessUnitId()) + "-" + e.getKey().name();
                h.append("<details class=\"skips\" id=\"").append(id).append("\"").append(v.agent().isEmpty() || agents.isEmpty() ? "" : " open")
                        .append("><summary><b class=\"count\">").append(v.agent().isEmpty() ? e.getValue() : agents.size())
                        .append("</b> ").append(Html.text(SkipText.counted(e.getKey()))).append(" <code>").append(e.getKey().name())
                        .append("</code></summary><ul>");
                agents.stream().limit(MAX_ROWS).forEach(s -> h.append("<li data-user=\"").append(Html.text(s.userId())).append("\"><b>")
                        .append(Html.text(s.agentName().isEmpty() ? s.userId() : s.agentName())).append("</b> ")
                        .append(Html.text(s.activity())).append(" at ").append(local(s.activityStart(), day.zone(), false))
                        .append(" [").append(Html.text(s.rule())).append("]: ").append(Html.text(s.why()))
                        .append(" <span class=\"sub\">").append(Html.text(s.userId())).append("</span></li>"));
                h.append("</ul>");
                if (agents.size() > MAX_ROWS) {
                    h.append("<p class=\"sub\">").append(agents.size() - MAX_ROWS).append(" more: search by name to find one.</p>");
                }
                h.append("</details>");
            }
            h.append("</div>");
        }
        h.append("</section>");
    }

    private static void agentCell(StringBuilder h, String name, String userId) {
        h.append("<td class=\"agent\"><b class=\"name\">").append(Html.text(name.isEmpty() ? userId : name)).append("</b>");
        if (!name.isEmpty()) {
            h.append("<br><span class=\"sub\">").append(Html.text(userId)).append("</span>");
        }
        h.append("</td>");
    }

    private static void tally(StringBuilder h, String label, int n, String tone) {
        h.append("<div class=\"tile ").append(n == 0 ? "muted" : tone).append("\" data-outcome=\"").append(label)
                .append("\"><b>").append(n).append("</b><span>").append(label).append("</span></div>");
    }

    private static void more(StringBuilder h, int size) {
        if (size > MAX_ROWS) {
            h.append("<p class=\"sub\">The first ").append(MAX_ROWS).append(" of ").append(size).append("; search by name to find one.</p>");
        }
    }

    private static int count(Map<Outcome, Map<ActionKind, Integer>> counts, Outcome outcome, ActionKind kind) {
        return counts.getOrDefault(outcome, Map.of()).getOrDefault(kind, 0);
    }

    private static int total(Map<Outcome, Map<ActionKind, Integer>> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String kind(ActionKind kind) {
        switch (kind) {
            case PRE_BREAK: return "to Pre-Break";
            case AT_START: return "at start";
            default: return "back On Queue";
        }
    }

    private static String outcome(Outcome outcome) {
        switch (outcome) {
            case APPLIED: return "applied";
            case FAILED: return "failed";
            case UNCERTAIN: return "uncertain";
            case UNCONFIRMED: return "unconfirmed";
            case DRY_RUN: return "dry run";
            default: return "other tick";
        }
    }

    private static String tone(Outcome outcome) {
        switch (outcome) {
            case APPLIED: return "ok";
            case FAILED: return "bad";
            case UNCERTAIN:
            case UNCONFIRMED: return "warn";
            default: return "muted";
        }
    }

    /** Case-insensitive "name or id contains the search". */
    private static Predicate<String[]> wanted(String search) {
        String needle = search.strip().toLowerCase(Locale.ROOT);
        return fields -> {
            if (needle.isEmpty()) {
                return true;
            }
            for (String f : fields) {
                if (f != null && f.toLowerCase(Locale.ROOT).contains(needle)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static ZoneId zoneOf(View v, String businessUnitId) {
        if (v.lastReport() != null) {
            for (UnitReport u : v.lastReport().units()) {
                if (u.businessUnitId().equals(businessUnitId)) {
                    return u.timeZone();
                }
            }
        }
        return ZoneOffset.UTC;
    }

    /** "10:15 EST", with the day when it is not today there. */
    static String local(Instant at, ZoneId zone, boolean seconds) {
        var t = at.atZone(zone);
        return Html.text(t.format(seconds ? CLOCK_SECONDS : CLOCK) + " " + t.format(ZONE));
    }

    private static String zoneName(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Duration.between(then, now).toSeconds();
        return s < 0 ? "just now" : s < 120 ? s + " s ago" : (s / 60) + " min ago";
    }

    private static String minutes(Duration d) {
        long m = Math.max(0, (d.toSeconds() + 59) / 60);
        return m + " min";
    }

    private static final String STYLE = String.join("",
            ":root{color-scheme:light dark;--bg:#f6f7f9;--fg:#1d2330;--card:#fff;--line:#dde1e8;--sub:#5d6677;",
            "--ok:#1f7a3d;--okbg:#e3f4e8;--bad:#b3261e;--badbg:#fbe4e2;--warn:#8a5300;--warnbg:#fdf0d8;--muted:#5d6677;--mutedbg:#eceef2;--accent:#2459c5}",
            "@media (prefers-color-scheme:dark){:root{--bg:#14171d;--fg:#e7eaf0;--card:#1d2129;--line:#313745;--sub:#a1a9b8;",
            "--ok:#7fd69b;--okbg:#173522;--bad:#ff9b92;--badbg:#44201d;--warn:#f5c46b;--warnbg:#3d2f12;--muted:#a1a9b8;--mutedbg:#2a2f3a;--accent:#8fb2ff}}",
            "*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);",
            "font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}",
            "main{max-width:1100px;margin:0 auto;padding:12px 16px 32px}",
            "header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;padding:8px 0 4px}",
            "h1{font-size:22px;margin:0}h2{font-size:18px;margin:22px 0 8px}h3{font-size:16px;margin:0 0 4px}h4{font-size:15px;margin:16px 0 6px}",
            "header form{margin-left:auto;display:flex;gap:6px;align-items:center;flex-wrap:wrap}",
            "label{color:var(--sub);font-size:14px}input{font:inherit;padding:6px 10px;border:1px solid var(--line);border-radius:8px;",
            "background:var(--card);color:var(--fg);min-width:12em}button{font:inherit;padding:6px 14px;border:0;border-radius:8px;",
            "background:var(--accent);color:#fff;cursor:pointer}a{color:var(--accent)}",
            ".problems{flex-basis:100%;margin:0;padding:8px 12px 8px 28px;background:var(--badbg);color:var(--bad);border-radius:8px}",
            ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}",
            ".card,.day{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px}",
            ".day{margin-bottom:12px}dl{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:8px 0 0}dt{color:var(--sub)}dd{margin:0}",
            ".sub{color:var(--sub);font-size:13px}.error{color:var(--bad)}.empty{color:var(--sub)}",
            ".pill{display:inline-block;padding:1px 9px;border-radius:999px;font-size:13px;font-weight:600;white-space:nowrap}",
            ".ok{background:var(--okbg);color:var(--ok)}.bad{background:var(--badbg);color:var(--bad)}",
            ".warn{background:var(--warnbg);color:var(--warn)}.muted{background:var(--mutedbg);color:var(--muted)}",
            "header .pill{font-size:15px;padding:3px 12px}",
            ".count{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:999px;background:var(--mutedbg);",
            "color:var(--fg);font-size:13px;text-align:center;font-weight:600}",
            ".bar{height:10px;border-radius:5px;background:var(--mutedbg);overflow:hidden;margin:6px 0}",
            ".bar span{display:block;height:100%;background:var(--accent)}",
            widths(),
            ".scroll{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:12px}",
            "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:7px 10px;border-bottom:1px solid var(--line);vertical-align:top}",
            "th{font-size:13px;color:var(--sub);font-weight:600;background:var(--bg)}tr:last-child td{border-bottom:0}",
            ".tally{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.tile{border-radius:10px;padding:6px 12px;min-width:92px}",
            ".tile b{display:block;font-size:22px;line-height:1.1}.tile span{font-size:13px}",
            "details{border:1px solid var(--line);border-radius:10px;margin:6px 0;padding:6px 10px}",
            "summary{cursor:pointer}details ul{margin:6px 0;padding-left:20px}details li{margin:3px 0}",
            "code{font-size:12px;color:var(--sub)}footer{margin-top:24px;color:var(--sub);font-size:13px}",
            "@media (max-width:640px){body{font-size:14px}main{padding:8px 10px 24px}header form{margin-left:0;width:100%}",
            "input{flex:1;min-width:0}th,td{padding:6px 7px}.scroll td .sub{display:none}",
            "#upcoming th:nth-child(5),#upcoming td:nth-child(5),.changes th:nth-child(5),.changes td:nth-child(5){display:none}}");

    /** Bar widths as classes (steps of 5 %): the policy allows no inline style attribute. */
    private static String widths() {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w <= 100; w += 5) {
            s.append(".w").append(w).append("{width:").append(w).append("%}");
        }
        return s.toString();
    }

    /** Fetches the page again and swaps in the new content, keeping what the reader has open or is typing. */
    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "var page=document.getElementById('page');var every=1000*(+page.dataset.refresh||10);",
            "function refresh(){",
            " var typing=document.activeElement&&document.activeElement.id==='agent';",
            " if(typing){setTimeout(refresh,every);return;}",
            " fetch(location.href,{cache:'no-store',credentials:'same-origin'}).then(function(r){",
            "  if(!r.ok)throw new Error(r.status);return r.text();}).then(function(text){",
            "  var next=new DOMParser().parseFromString(text,'text/html');var fresh=next.getElementById('page');",
            "  if(fresh){var open=[].map.call(page.querySelectorAll('details[open]'),function(d){return d.id;});",
            "   page.innerHTML=fresh.innerHTML;document.title=next.title;",
            "   open.forEach(function(id){var d=document.getElementById(id);if(d)d.open=true;});",
            "   page.dataset.refreshed=(+page.dataset.refreshed||0)+1;}",
            " }).catch(function(){}).then(function(){setTimeout(refresh,every);});",
            "}",
            "setTimeout(refresh,every);",
            "})();");
}
