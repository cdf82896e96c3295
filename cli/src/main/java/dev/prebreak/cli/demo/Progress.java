package dev.prebreak.cli.demo;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.ActivityKey;

/** A line every half hour of virtual time, so a watcher sees the demo moving. */
final class Progress {
    private final Instant origin;
    private final PrintWriter out;
    private final long realStart = System.nanoTime();
    private Instant nextLine;
    int ticks;
    int failedTicks;
    int preBreaks;
    int reverts;
    int atStart;
    /** Distinct activities skipped, by reason: a skip repeats every tick while its activity is due. */
    final Map<SkipReason, Set<ActivityKey>> skipped = new EnumMap<>(SkipReason.class);

    private final DemoTime time;

    Progress(Instant origin, PrintWriter out, DemoTime time) {
        this.origin = origin;
        this.time = time;
        this.out = out;
        this.nextLine = origin.plus(Duration.ofMinutes(30));
    }

    void ticked(TickReport report) {
        ticks++;
        if (report.failed()) {
            failedTicks++;
        }
        Map<ActionKind, Integer> applied = report.count(Outcome.APPLIED);
        preBreaks += applied.getOrDefault(ActionKind.PRE_BREAK, 0);
        reverts += applied.getOrDefault(ActionKind.REVERT, 0);
        atStart += applied.getOrDefault(ActionKind.AT_START, 0);
        for (Skip skip : report.units().stream().flatMap(u -> u.skips().stream()).toList()) {
            skipped.computeIfAbsent(skip.reason(), r -> new HashSet<>()).add(skip.key());
        }
        if (!report.at().isBefore(nextLine)) {
            out.printf("  %s (+%d min virtual, %.1f s real): %d pre-breaks, %d reverts, %d at-start so far%n",
                    time.hhmm(report.at()), Duration.between(origin, report.at()).toMinutes(),
                    (System.nanoTime() - realStart) / 1e9, preBreaks, reverts, atStart);
            out.flush();
            nextLine = nextLine.plus(Duration.ofMinutes(30));
        }
    }

    void failed() {
        ticks++;
        failedTicks++;
    }
}
