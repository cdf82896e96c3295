package dev.prebreak.cli.serve;

import dev.prebreak.cli.report.SkipText;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the daemon did today in each business unit, "today" in the unit's time zone, from the tick
 * reports it has heard since it started: every change with its outcome, and the agents it left alone
 * grouped by reason. A skip repeats every tick while it holds, so it is kept once per activity and
 * reason, with the latest sentence. Kept in memory only: a restart starts the day's view afresh.
 * Thread-safe: ticks write, page requests read snapshots.
 */
final class DayLedger {
    /** Beyond this many skips a day per unit (a very large unit), only the counts by reason grow. */
    static final int MAX_SKIPS = 20_000;

    /** One change the daemon made (or tried), as the page lists it. */
    record Change(Instant at, String userId, String agentName, ActionKind kind, Outcome outcome, String activity,
                  Instant activityStart, String rule, String error) {
    }

    /** One agent left alone for one activity, for one reason; {@code at} is the last tick that said so. */
    record LeftAlone(Instant at, String userId, String agentName, SkipReason reason, String activity, Instant activityStart,
                     String rule, String why) {
    }

    /** A unit's day as the page shows it. */
    record Day(String businessUnitId, String name, ZoneId zone, LocalDate date, Instant since, List<Change> changes,
               Map<SkipReason, List<LeftAlone>> skips, Map<SkipReason, Integer> skipCounts) {
    }

    private static final class UnitDay {
        String name;
        ZoneId zone;
        LocalDate date;
        Instant since;
        final List<Change> changes = new ArrayList<>();
        final Map<SkipReason, Map<ActivityKey, LeftAlone>> skips = new EnumMap<>(SkipReason.class);
        final Map<SkipReason, Integer> skipCounts = new EnumMap<>(SkipReason.class);
        int skipsKept;
    }

    private final Map<String, UnitDay> units = new LinkedHashMap<>();

    synchronized void add(TickReport report) {
        for (UnitReport unit : report.units()) {
            LocalDate date = report.at().atZone(unit.timeZone()).toLocalDate();
            UnitDay day = units.get(unit.businessUnitId());
            if (day == null || !date.equals(day.date) || !unit.timeZone().equals(day.zone)) {
                day = new UnitDay();
                day.date = date;
                day.zone = unit.timeZone();
                day.since = report.at();
                units.put(unit.businessUnitId(), day);
            }
            if (!unit.name().isBlank()) {
                day.name = unit.name();
            }
            for (ActionResult r : unit.results()) {
                ActivityKey key = r.action().key();
                day.changes.add(new Change(report.at(), key.userId(), unit.agentName(key.userId()).orElse(""), r.action().kind(),
                        r.outcome(), unit.activityName(key).orElse(""), key.activityStart(), key.ruleName(), r.error().orElse("")));
            }
            for (Skip s : unit.skips()) {
                Map<ActivityKey, LeftAlone> byKey = day.skips.computeIfAbsent(s.reason(), r -> new LinkedHashMap<>());
                boolean known = byKey.containsKey(s.key());
                if (!known && day.skipsKept >= MAX_SKIPS) {
                    day.skipCounts.merge(s.reason(), 1, Integer::sum);
                    continue;
                }
                LeftAlone earlier = byKey.get(s.key());
                String name = unit.agentName(s.userId()).orElse(earlier == null ? "" : earlier.agentName());
                String activity = unit.activityName(s.key()).orElse(earlier == null ? "" : earlier.activity());
                byKey.put(s.key(), new LeftAlone(report.at(), s.userId(), name, s.reason(), activity, s.key().activityStart(),
                        s.key().ruleName(), SkipText.of(s)));
                if (!known) {
                    day.skipsKept++;
                    day.skipCounts.merge(s.reason(), 1, Integer::sum);
                }
            }
        }
    }

    /** Each unit's day so far, newest changes first. */
    synchronized List<Day> days() {
        List<Day> days = new ArrayList<>();
        units.forEach((id, d) -> {
            List<Change> changes = new ArrayList<>(d.changes);
            changes.sort(Comparator.comparing(Change::at).reversed());
            Map<SkipReason, List<LeftAlone>> skips = new EnumMap<>(SkipReason.class);
            d.skips.forEach((reason, byKey) -> {
                List<LeftAlone> list = new ArrayList<>(byKey.values());
                list.sort(Comparator.comparing(LeftAlone::at).reversed());
                skips.put(reason, List.copyOf(list));
            });
            days.add(new Day(id, d.name == null ? "" : d.name, d.zone, d.date, d.since, List.copyOf(changes), skips,
                    new EnumMap<>(d.skipCounts)));
        });
        return days;
    }

    /** How many entries the ledger holds, for the cache-size metric. */
    synchronized int size() {
        return units.values().stream().mapToInt(d -> d.changes.size() + d.skipsKept).sum();
    }
}
