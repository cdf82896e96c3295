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
    /**
     * One edit, for the timeline.
     *
     * @param activityStart the activity edited, or null for an agent's own change
     * @param moved whether the activity was moved (else removed); false for an agent's own change
     */
    record Event(Instant at, String userId, String what, Instant activityStart, boolean moved) {
    }

    private final Org org;
    private final Random random;
    private final DemoTime time;
    private final java.util.Map<String, String> nouns;
    private final List<Event> events = new ArrayList<>();

    /** @param nouns what each rule's activities are called in a sentence ("break", "meal") */
    ScheduleEdits(Org org, long seed, DemoTime time, java.util.Map<String, String> nouns) {
        this.org = org;
        this.random = new Random(seed);
        this.time = time;
        this.nouns = nouns;
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
                    events.add(new Event(org.clock().instant(), user, "the planner moved the " + noun(result) + " at "
                            + time.hhmm(start) + " to " + time.hhmm(later), start, true));
                } else if (dice < 7) {
                    org.deleteActivity(user, start);
                    events.add(new Event(org.clock().instant(), user, "the planner removed the " + noun(result) + " at "
                            + time.hhmm(start), start, false));
                } else if (dice < 12) {
                    org.setPresence(user, PresenceDefinition.ON_QUEUE_ID, "agent", "desktop");
                    events.add(new Event(org.clock().instant(), user, "went back On Queue by hand (prebreak will not fight it)",
                            null, false));
                }
            } catch (RuntimeException e) {
                // The activity may sit where the simulator cannot move it (end of shift): leave it.
            }
        }
    }

    private String noun(ActionResult result) {
        return nouns.getOrDefault(result.action().key().ruleName(), "activity");
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
