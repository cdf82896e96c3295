package dev.prebreak.core.presence;

import java.util.Objects;

/**
 * An organization presence: one of the system presences, or a custom ("secondary") one such as
 * Pre-Break that hangs under a system presence.
 *
 * @param label the en_US label users see ("Pre-Break")
 */
public record PresenceDefinition(String id, String label, SystemPresence systemPresence, boolean system,
                                 boolean deactivated) {
    public PresenceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemPresence, "systemPresence");
        label = label == null ? "" : label;
    }

    @Override
    public String toString() {
        return label.isEmpty() ? id : label + " (" + id + ")";
    }
}
