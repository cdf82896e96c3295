package dev.prebreak.core.presence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An agent's ACD routing status. */
public enum RoutingStatus {
    OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING, COMMUNICATING;

    public static Optional<RoutingStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = text.trim().replace(' ', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(folded)).findFirst();
    }
}
