package dev.prebreak.cli.demo;

import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What happens in a real contact center while prebreak runs: a planner moves a break later or removes
 * it after the agent was already put in Pre-Break, and some agents go back On Queue by hand. The demo
 * makes these edits in the simulator, chosen with a seed, so that reverts and "not fought" show up.
 */
final class ScheduleEdits {
    /** One edit, for the timeline. */
    record Event(Instant at, String userId, String what) {
    }

    private final Org org;
    private final Random random;
    private final List<Event> events = new ArrayList<>();

    ScheduleEdits(Org org, long seed) {
        this.org = org;
        this.random = new Random(seed);
    }

    void after(TickReport report) {
        for (ActionResult result : report.results()) {
            if (result.outcome() != Outcome.APPLIED || result.action().kind() != ActionKind.PRE_BREAK) {
                continue;
            }
            String user = result.action().userId();
            Instant start = result.action().key().activityStart();
            int dice = random.nextInt(100);
            try {
                if (dice < 4) {
                    Instant later = start.plus(Duration.ofHours(1));
                    org.moveActivity(user, start, later);
                    events.add(new Event(org.clock().instant(), user, "planner moved the " + result.action().key().ruleName()
                            + " at " + Timeline.hhmm(start) + " to " + Timeline.hhmm(later)));
                } else if (dice < 7) {
                    org.deleteActivity(user, start);
                    events.add(new Event(org.clock().instant(), user, "planner removed the " + result.action().key().ruleName()
                            + " at " + Timeline.hhmm(start)));
                } else if (dice < 12) {
                    org.setPresence(user, PresenceDefinition.ON_QUEUE_ID, "agent", "desktop");
                    events.add(new Event(org.clock().instant(), user, "went back On Queue by hand (prebreak will not fight it)"));
                }
            } catch (RuntimeException e) {
                // The activity may sit where the simulator cannot move it (end of shift): leave it.
            }
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
