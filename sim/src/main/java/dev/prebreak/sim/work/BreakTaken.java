package dev.prebreak.sim.work;

import java.time.Duration;
import java.time.Instant;

/**
 * Ground truth of one scheduled break, meal or other off-queue activity as the agent took it.
 *
 * @param category the activity code's category (Break, Meal, Meeting, ...)
 * @param actualStart when the agent held no more work and the break began (null: not yet)
 * @param end when the agent came back (null: not yet)
 * @param capacityLost time before the scheduled start that the agent spent off queue, in a presence set by
 *        someone else (Pre-Break), holding no work: On Queue capacity given up for this break
 * @param forgot how long the agent forgot the break (zero for most)
 */
public record BreakTaken(String userId, String category, Instant scheduledStart, int lengthMinutes, Instant actualStart,
                         Instant end, Duration capacityLost, Duration forgot) {

    /** Actual start minus scheduled start; null until the break starts. */
    public Duration lateness() {
        return actualStart == null ? null : Duration.between(scheduledStart, actualStart);
    }
}
