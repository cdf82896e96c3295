package dev.prebreak.bench;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.SystemPresence;
import java.time.Duration;
import java.time.Instant;

/**
 * The public blueprint's policy, simulated directly on the simulator's org: an EventBridge
 * {@code rate(15 minutes)} rule runs it every 15 minutes at a fixed phase (when the rule was created),
 * and each run sets to Pre-Break every On Queue agent whose break or meal starts within the next
 * 15 minutes. Generous to the blueprint: it sees every agent (the real one reads only the first 100
 * users), never crashes on asynchronous schedule answers, and never misses a run.
 */
final class BlueprintPolicy {
    static final String CLIENT = "blueprint-lambda";
    static final Duration EVERY = Duration.ofMinutes(15);

    private final Org org;
    private final AgentRoutine routine;
    private final String preBreakId;

    BlueprintPolicy(Org org, AgentRoutine routine, String preBreakId) {
        this.org = org;
        this.routine = routine;
        this.preBreakId = preBreakId;
    }

    /** One run of the Lambda at {@code now}. */
    void run(Instant now) {
        Instant horizon = now.plus(EVERY);
        for (String user : routine.users()) {
            for (Activity a : routine.covered(user)) {
                if (!a.startDate().isBefore(now) && a.startDate().isBefore(horizon)
                        && org.requireState(user).presence().systemPresence() == SystemPresence.ON_QUEUE) {
                    org.setPresence(user, preBreakId, CLIENT, "blueprint");
                }
            }
        }
    }
}
