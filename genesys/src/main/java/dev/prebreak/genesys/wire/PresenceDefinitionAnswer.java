package dev.prebreak.genesys.wire;

import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import java.util.Map;

/** {@code OrganizationPresenceDefinition} from {@code /api/v2/presence/definitions}. */
public record PresenceDefinitionAnswer(String id, String name, String type, Map<String, String> languageLabels,
                                       String systemPresence, String divisionId, Boolean deactivated) {

    public PresenceDefinition toCore() {
        String definitionId = WireException.required(id, "entities[].id");
        String label = languageLabels != null && languageLabels.get("en_US") != null ? languageLabels.get("en_US") : name;
        SystemPresence system = SystemPresence.parse(WireException.required(systemPresence, "entities[].systemPresence"))
                .orElseThrow(() -> new WireException("presence definition " + definitionId
                        + " has an unknown systemPresence '" + systemPresence + "'"));
        boolean isSystem = switch (WireException.required(type, "entities[].type")) {
            case "System" -> true;
            case "User" -> false;
            default -> throw new WireException("presence definition " + definitionId + " has an unknown type '" + type
                    + "' (expected System or User)");
        };
        return new PresenceDefinition(definitionId, label, system, isSystem, Boolean.TRUE.equals(deactivated));
    }
}
