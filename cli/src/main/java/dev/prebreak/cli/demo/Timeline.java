package dev.prebreak.cli.demo;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened in the demo, from prebreak's audit records checked against the simulator's ground
 * truth: when each presence really changed, and so the lead each agent really got.
 */
final class Timeline {
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A pre-break as it really happened. */
    record PreBreak(String userId, String rule, Instant activityStart, Instant setAt, Duration lead) {
    }

    private record Line(Instant at, String text) {
    }

    private final Org org;
    private final List<AuditRecord> audit;
    private final List<ScheduleEdits.Event> edits;
    private final List<PreBreak> preBreaks = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    private final Instant firstTick;
    private final DemoTime time;
    private final Map<String, String> nouns;

    /**
     * @param firstTick when the demo started: activities whose lead began earlier could only be caught up
     * @param nouns what each rule's activities are called in a sentence ("break", "meal")
     */
    Timeline(Org org, List<AuditRecord> audit, List<ScheduleEdits.Event> edits, Instant firstTick, DemoTime time,
             Map<String, String> nouns) {
        this.org = org;
        this.firstTick = firstTick;
        this.audit = audit;
        this.edits = edits;
        this.time = time;
        this.nouns = nouns;
        build();
    }

    private String noun(String rule) {
        return nouns.getOrDefault(rule, "activity");
    }

    private String name(String userId) {
        return org.state(userId).map(s -> s.name()).orElse(userId);
    }

    private void build() {
        for (AuditRecord r : audit) {
            if (r.outcome() != Outcome.APPLIED) {
                continue;
            }
            Instant setAt = groundTruth(r);
            String who = String.format("%-22s", name(r.userId()));
            switch (r.kind()) {
                case PRE_BREAK: {
                    Duration lead = Duration.between(setAt, r.activityStart());
                    preBreaks.add(new PreBreak(r.userId(), r.ruleName(), r.activityStart(), setAt, lead));
                    lines.add(new Line(setAt, who + " Pre-Break for the " + noun(r.ruleName()) + " at "
                            + time.hhmm(r.activityStart()) + "   lead " + minutesSeconds(lead)));
                    break;
                }
                case AT_START:
                    lines.add(new Line(setAt, who + " the " + noun(r.ruleName()) + " started: Pre-Break -> " + label(r.toPresenceId())));
                    break;
                default:
                    lines.add(new Line(setAt, who + " back On Queue: the " + noun(r.ruleName()) + " at "
                            + time.hhmm(r.activityStart()) + " was " + movedOrRemoved(r) + " (revert)"));
            }
        }
        for (ScheduleEdits.Event e : edits) {
            lines.add(new Line(e.at(), String.format("%-22s", name(e.userId())) + " " + e.what()));
        }
        lines.sort(Comparator.comparing(Line::at));
    }

    /** What the planner did to the activity, from the demo's own edits. */
    private String movedOrRemoved(AuditRecord r) {
        return edits.stream().filter(e -> e.userId().equals(r.userId()) && r.activityStart().equals(e.activityStart()))
                .map(e -> e.moved() ? "moved" : "removed").findFirst().orElse("moved or removed");
    }

    /** When the simulator really applied the change prebreak recorded. */
    private Instant groundTruth(AuditRecord r) {
        return org.presenceLog().forUser(r.userId()).stream()
                .filter(c -> c.toPresenceId().equals(r.toPresenceId()) && !c.at().isBefore(r.at()))
                .map(PresenceChange::at).findFirst().orElse(r.at());
    }

    private String label(String presenceId) {
        return org.presenceDefinition(presenceId).map(d -> d.name()).orElse(presenceId);
    }

    void print(PrintWriter out, int limit) {
        out.println();
        out.println("timeline (" + time.zone().getId() + "; times from the simulator's ground-truth presence log):");
        int shown = limit <= 0 ? lines.size() : Math.min(limit, lines.size());
        for (Line line : lines.subList(0, shown)) {
            out.println("  " + HH_MM_SS.format(line.at().atZone(time.zone())) + "  " + line.text());
        }
        if (shown < lines.size()) {
            out.printf("  ... and %d more lines (--timeline 0 prints all)%n", lines.size() - shown);
        }
    }

    /** Pre-breaks set later than one tick after their trigger time, or after the activity started. */
    long late() {
        return late;
    }

    private long late;

    void summary(PrintWriter out, Config config, Progress progress, ApiUsage api, Duration virtual, Duration real) {
        out.println();
        out.printf("summary: %s of virtual time in %.1f s (%d ticks, %d failed)%n", minutesSeconds(virtual), real.toMillis() / 1000.0,
                progress.ticks, progress.failedTicks);
        Map<String, Duration> leads = config.rules().stream().collect(Collectors.toMap(RuleSettings::name, RuleSettings::lead));
        for (RuleSettings rule : config.rules()) {
            Duration target = leads.get(rule.name());
            long caughtUp = preBreaks.stream().filter(p -> p.rule().equals(rule.name()) && p.activityStart().minus(target).isBefore(firstTick)).count();
            List<Duration> achieved = preBreaks.stream()
                    .filter(p -> p.rule().equals(rule.name()) && !p.activityStart().minus(target).isBefore(firstTick))
                    .map(PreBreak::lead).sorted().collect(Collectors.toList());
            if (achieved.isEmpty()) {
                out.printf("  %-7s no pre-breaks were due%n", rule.name());
                continue;
            }
            long withinTick = achieved.stream().filter(l -> l.compareTo(target.minus(config.tick())) >= 0 && l.compareTo(target) <= 0).count();
            long lateHere = achieved.stream().filter(l -> l.compareTo(target.minus(config.tick())) < 0).count();
            late += lateHere;
            out.printf("  %-7s %d agents set to Pre-Break; lead achieved min %s, median %s, max %s (target %s); %d of %d within one tick of the target, %d late%s%n",
                    rule.name(), achieved.size(), minutesSeconds(achieved.get(0)), minutesSeconds(achieved.get(achieved.size() / 2)),
                    minutesSeconds(achieved.get(achieved.size() - 1)), minutesSeconds(target), withinTick, achieved.size(), lateHere,
                    caughtUp == 0 ? "" : "; " + caughtUp + " more caught up at the start (their lead began before the demo)");
        }
        long reverts = audit.stream().filter(r -> r.outcome() == Outcome.APPLIED && r.kind() == ActionKind.REVERT).count();
        long atStart = audit.stream().filter(r -> r.outcome() == Outcome.APPLIED && r.kind() == ActionKind.AT_START).count();
        long failed = audit.stream().filter(r -> r.outcome() == Outcome.FAILED).count();
        out.printf("  reverts %d (breaks moved or removed after agents were set), at-start changes %d, failed writes %d%n", reverts, atStart, failed);
        out.printf("  schedule edits made during the demo: %d (moved, removed, back On Queue by hand)%n", edits.size());
        out.println("  left alone (distinct activities; a skip repeats every tick while its activity is due):");
        progress.skipped.forEach((reason, keys) ->
                out.printf("    %5d %-27s %s%n", keys.size(), reason, dev.prebreak.cli.report.SkipText.counted(reason)));
        out.printf("  API calls %d (%d answered 429, %d retried); about %.1f a tick%n", api.calls(), api.rateLimited(), api.retries(),
                progress.ticks == 0 ? 0.0 : (double) api.calls() / progress.ticks);
    }

    /**
     * Minutes and seconds, rounded to the nearest second: a pre-break written 0.3 s after its trigger got
     * the configured lead, and reads as 15:00, not 14:59.
     */
    static String minutesSeconds(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        return s >= 3600 ? String.format("%s%dh%02dm", sign, s / 3600, (s % 3600) / 60) : String.format("%s%d:%02d", sign, s / 60, s % 60);
    }
}
