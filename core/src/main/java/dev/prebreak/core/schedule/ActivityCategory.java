package dev.prebreak.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The category of a WFM activity code, as Genesys Cloud names it on the wire. */
public enum ActivityCategory {
    ON_QUEUE_WORK("OnQueueWork"),
    BREAK("Break"),
    MEAL("Meal"),
    MEETING("Meeting"),
    OFF_QUEUE_WORK("OffQueueWork"),
    TIME_OFF("TimeOff"),
    TRAINING("Training"),
    UNAVAILABLE("Unavailable"),
    UNSCHEDULED("Unscheduled");

    private final String wireName;

    ActivityCategory(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling Genesys Cloud uses, such as {@code OnQueueWork}. */
    public String wireName() {
        return wireName;
    }

    /** Parses the wire spelling, ignoring case, spaces, hyphens and underscores ("on queue work" works too). */
    public static Optional<ActivityCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = fold(text);
        return Arrays.stream(values()).filter(c -> fold(c.wireName).equals(folded)).findFirst();
    }

    private static String fold(String s) {
        return s.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
