package dev.prebreak.genesys.wire;

import java.util.List;

/** {@code ManagementUnitListing}; its paging fields are deprecated and unused by the API. */
public record ManagementUnitListing(List<ManagementUnitAnswer> entities) {
    public ManagementUnitListing {
        entities = entities == null ? List.of() : entities;
    }
}
