package dev.prebreak.genesys.wire;

import java.util.List;

/** {@code BusinessUnitActivityCodeListing}: the codes inline, or a {@code downloadUrl} to fetch them from. */
public record ActivityCodeListing(List<ActivityCodeAnswer> entities, String downloadUrl) {
    public ActivityCodeListing {
        entities = entities == null ? List.of() : entities;
    }
}
