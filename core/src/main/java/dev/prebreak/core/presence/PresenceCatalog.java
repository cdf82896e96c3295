package dev.prebreak.core.presence;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The organization's presence definitions, resolvable by id or by label. */
public final class PresenceCatalog {
    private final List<PresenceDefinition> definitions;

    private PresenceCatalog(List<PresenceDefinition> definitions) {
        this.definitions = definitions;
    }

    public static PresenceCatalog of(Collection<PresenceDefinition> definitions) {
        return new PresenceCatalog(List.copyOf(definitions));
    }

    public List<PresenceDefinition> all() {
        return definitions;
    }

    public Optional<PresenceDefinition> byId(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * Finds an active presence by id, or by any of its labels (in any language) ignoring case. A custom
     * presence wins over a system one of the same label, since users name the custom one ("Break" the
     * secondary, not the primary).
     */
    public Optional<PresenceDefinition> resolve(String idOrLabel) {
        if (idOrLabel == null || idOrLabel.isBlank()) {
            return Optional.empty();
        }
        String wanted = idOrLabel.trim();
        Optional<PresenceDefinition> byId = byId(wanted).filter(d -> !d.deactivated());
        if (byId.isPresent()) {
            return byId;
        }
        String folded = wanted.toLowerCase(Locale.ROOT);
        List<PresenceDefinition> byLabel = definitions.stream()
                .filter(d -> !d.deactivated() && d.labels().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(folded)))
                .collect(Collectors.toList());
        return byLabel.stream().filter(d -> !d.system()).findFirst().or(() -> byLabel.stream().findFirst());
    }

    /** The system On Queue presence, where reverts send agents back. */
    public Optional<PresenceDefinition> onQueue() {
        return definitions.stream()
                .filter(d -> d.system() && !d.deactivated() && d.systemPresence() == SystemPresence.ON_QUEUE)
                .findFirst();
    }

    /** Labels of active presences, for error messages that list what exists. */
    public List<String> activeLabels() {
        return definitions.stream().filter(d -> !d.deactivated()).map(PresenceDefinition::label).sorted()
                .collect(Collectors.toList());
    }
}
