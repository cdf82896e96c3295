package dev.prebreak.genesys.wire;

import java.util.List;

/** {@code OrganizationPresenceDefinitionEntityListing}: one page and the total. */
public record PresenceDefinitionListing(Long total, List<PresenceDefinitionAnswer> entities) {
    public PresenceDefinitionListing {
        entities = entities == null ? List.of() : entities;
    }
}
