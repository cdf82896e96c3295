package dev.prebreak.core.presence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The primary presences of Genesys Cloud; every custom presence hangs under one of them. */
public enum SystemPresence {
    AVAILABLE("Available"),
    AWAY("Away"),
    BUSY("Busy"),
    OFFLINE("Offline"),
    IDLE("Idle"),
    ON_QUEUE("OnQueue"),
    MEAL("Meal"),
    TRAINING("Training"),
    MEETING("Meeting"),
    BREAK("Break");

    private final String wireName;

    SystemPresence(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Parses any spelling Genesys uses: the presence definitions API says {@code OnQueue}, user
     * presences say {@code On Queue}; case, spaces and underscores are ignored.
     */
    public static Optional<SystemPresence> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = fold(text);
        return Arrays.stream(values()).filter(p -> fold(p.wireName).equals(folded)).findFirst();
    }

    private static String fold(String s) {
        return s.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
