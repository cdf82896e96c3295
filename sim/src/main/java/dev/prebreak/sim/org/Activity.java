package dev.prebreak.sim.org;

import java.time.Instant;

/** One scheduled activity inside a shift. */
public record Activity(Instant startDate, int lengthMinutes, String activityCodeId, String description, boolean paid) {

    public Instant endDate() {
        return startDate.plusSeconds(60L * lengthMinutes);
    }

    public Activity movedTo(Instant newStart) {
        return new Activity(newStart, lengthMinutes, activityCodeId, description, paid);
    }
}
