package dev.prebreak.cli.report;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.Action;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UnitReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tick report as a person reads it in a terminal: agents by name (id beside it), activities by what
 * they are and when, in the business unit's time zone, with date and zone; skips as what happened.
 */
public final class ReportText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

    private ReportText() {
    }

    /**
     * @param everySkip list each skip with its reason (plan mode, --verbose), not only their counts
     */
    public static void print(TickReport report, boolean everySkip, PrintWriter out) {
        out.printf("tick at %s%s: %d agents with schedules, %d read, %.2f s, %d API calls (%d throttled, %d retried)%n",
                report.at(), report.dryRun() ? " (dry run: nothing changed)" : "", report.agentsEvaluated(), report.candidates(),
                report.duration().toMillis() / 1000.0, report.api().calls(), report.api().rateLimited(), report.api().retries());
        for (UnitReport unit : report.units()) {
            out.printf("business unit %s(%s), times in %s%n", unit.name().isEmpty() ? "" : unit.name() + " ",
                    unit.businessUnitId(), unit.timeZone().normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : unit.timeZone().getId());
            if (unit.failure().isPresent()) {
                out.printf("  FAILED, nothing was changed in this unit: %s%n", unit.failure().get());
                continue;
            }
            for (Outcome outcome : Outcome.values()) {
                String counts = counts(unit.results().stream().filter(r -> r.outcome() == outcome)
                        .collect(Collectors.groupingBy(r -> r.action().kind().name(), Collectors.counting())));
                if (!counts.isEmpty()) {
                    out.printf("  %-22s %s%n", label(outcome), counts);
                }
            }
            Map<SkipReason, Long> skipCounts = new EnumMap<>(SkipReason.class);
            unit.skips().forEach(s -> skipCounts.merge(s.reason(), 1L, Long::sum));
            if (skipCounts.isEmpty()) {
                out.printf("  %-22s none%n", "skipped");
            } else {
                out.printf("  skipped %d:%n", unit.skips().size());
                skipCounts.forEach((reason, n) -> out.printf("    %5d %-27s %s%n", n, reason, SkipText.counted(reason)));
            }
            if (!unit.unknownActivityCodes().isEmpty()) {
                out.printf("  unknown activity codes in schedules: %s%n", String.join(", ", unit.unknownActivityCodes()));
            }
            List<ActionResult> results = unit.results().stream()
                    .sorted(Comparator.comparing((ActionResult r) -> r.action().key().activityStart()).thenComparing(r -> r.action().userId()))
                    .collect(Collectors.toList());
            if (!results.isEmpty()) {
                out.println("  changes:");
                for (ActionResult r : results) {
                    Action a = r.action();
                    out.printf("    %s: %s, for %s [rule %s]: %s%s%n", who(unit, a.userId()), change(a), activity(unit, a.key()),
                            a.key().ruleName(), r.outcome(), r.error().map(e -> " (" + e + ")").orElse(""));
                }
            }
            if (everySkip && !unit.skips().isEmpty()) {
                // A break that started before the agent was ever eligible is no news; counted above, not listed.
                List<Skip> listed = unit.skips().stream().filter(s -> s.reason() != SkipReason.ACTIVITY_STARTED)
                        .sorted(Comparator.comparing((Skip s) -> s.key().activityStart()).thenComparing(Skip::userId))
                        .collect(Collectors.toList());
                if (!listed.isEmpty()) {
                    out.println("  left alone:");
                    for (Skip s : listed) {
                        out.printf("    %s %s: for %s [rule %s]: %s%n", who(unit, s.userId()), s.reason(), activity(unit, s.key()),
                                s.key().ruleName(), SkipText.of(s));
                    }
                }
            }
        }
        out.flush();
    }

    /** "Ada Lovelace (agent-ada)", or the id alone when Genesys gave no name. */
    public static String who(UnitReport unit, String userId) {
        return unit.agentName(userId).map(name -> name + " (" + userId + ")").orElse(userId);
    }

    /** "Break at Tue 24 Nov 10:00 GMT", in the unit's time zone. */
    public static String activity(UnitReport unit, ActivityKey key) {
        return unit.activityName(key).orElse("removed activity") + " at " + when(key.activityStart(), unit.timeZone());
    }

    public static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static String change(Action a) {
        String to = a.target().label();
        if (a.kind() == ActionKind.REVERT) {
            return "back to " + to + " (break moved or removed)";
        }
        return a.kind() == ActionKind.AT_START ? "to " + to + " as the activity starts" : "to " + to;
    }

    private static String label(Outcome outcome) {
        switch (outcome) {
            case APPLIED: return "changed";
            case DRY_RUN: return "would change";
            case FAILED: return "failed (retry next tick)";
            case UNCERTAIN: return "outcome unknown (settled next tick)";
            case UNCONFIRMED: return "applied, unconfirmed";
            default: return "taken by another tick";
        }
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
