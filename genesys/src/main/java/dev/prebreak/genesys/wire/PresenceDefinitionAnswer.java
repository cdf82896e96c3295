package dev.prebreak.genesys.wire;

import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code OrganizationPresenceDefinition} from {@code /api/v2/presence/definitions}. */
public record PresenceDefinitionAnswer(String id, String name, String type, Map<String, String> languageLabels,
                                       String systemPresence, String divisionId, Boolean deactivated) {

    /**
     * The definition in core terms; empty, with a warning, when its {@code systemPresence} or {@code type}
     * is a value this version does not know: no rule can be meant to use a presence of a kind prebreak
     * cannot tell apart from On Queue, and the other definitions stay usable.
     */
    public Optional<PresenceDefinition> toCore() {
        String definitionId = WireException.required(id, "entities[].id");
        String wireSystem = WireException.required(systemPresence, "entities[].systemPresence");
        String wireType = WireException.required(type, "entities[].type");
        Optional<SystemPresence> system = SystemPresence.parse(wireSystem);
        if (system.isEmpty()) {
            UnknownValues.seen("presence definition systemPresence", wireSystem,
                    "presence definitions under it are skipped (first: " + definitionId + ")");
            return Optional.empty();
        }
        boolean isSystem;
        switch (wireType) {
            case "System" -> isSystem = true;
            case "User" -> isSystem = false;
            default -> {
                UnknownValues.seen("presence definition type", wireType,
                        "presence definitions of that type are skipped (first: " + definitionId + ")");
                return Optional.empty();
            }
        }
        return Optional.of(new PresenceDefinition(definitionId, displayLabel(), system.get(), isSystem,
                Boolean.TRUE.equals(deactivated), allLabels(), divisionId));
    }

    /** en_US as people here read it; else the name; else any label. */
    private String displayLabel() {
        if (languageLabels != null && languageLabels.get("en_US") != null) {
            return languageLabels.get("en_US");
        }
        if (name != null && !name.isBlank()) {
            return name;
        }
        return languageLabels == null ? null : new TreeMap<>(languageLabels).values().stream().findFirst().orElse(null);
    }

    /** Every label, locales in a stable order, and the name too (a rule may use either). */
    private List<String> allLabels() {
        List<String> all = new ArrayList<>();
        if (languageLabels != null) {
            all.addAll(new TreeMap<>(languageLabels).values());
        }
        if (name != null) {
            all.add(name);
        }
        return all;
    }
}
