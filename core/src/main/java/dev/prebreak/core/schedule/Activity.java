package dev.prebreak.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One scheduled activity of an agent (a break, a meal, a meeting...), in absolute time. */
public record Activity(String activityCodeId, Instant start, Duration length, String description) {
    public Activity {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("activity length is negative: " + length);
        }
        description = description == null ? "" : description;
    }

    public Activity(String activityCodeId, Instant start, Duration length) {
        this(activityCodeId, start, length, "");
    }

    public Instant end() {
        return start.plus(length);
    }
}
