package dev.prebreak.core.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An organization presence: one of the system presences, or a custom ("secondary") one such as
 * Pre-Break that hangs under a system presence.
 *
 * @param label the en_US label users see ("Pre-Break")
 * @param labels every label it has, in every language (the label first): an admin in Paris may name the
 *        presence in a rule by its fr_FR label
 * @param divisionId the division it belongs to; null when not known
 */
public record PresenceDefinition(String id, String label, SystemPresence systemPresence, boolean system,
                                 boolean deactivated, List<String> labels, String divisionId) {
    public PresenceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemPresence, "systemPresence");
        label = label == null ? "" : label;
        List<String> all = new ArrayList<>();
        if (!label.isEmpty()) {
            all.add(label);
        }
        if (labels != null) {
            labels.stream().filter(l -> l != null && !l.isBlank() && !all.contains(l)).forEach(all::add);
        }
        labels = List.copyOf(all);
    }

    /** One label, division unknown. */
    public PresenceDefinition(String id, String label, SystemPresence systemPresence, boolean system, boolean deactivated) {
        this(id, label, systemPresence, system, deactivated, List.of(), null);
    }

    @Override
    public String toString() {
        return label.isEmpty() ? id : label + " (" + id + ")";
    }
}
