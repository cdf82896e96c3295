package dev.prebreak.genesys.wire;

import java.util.List;

/**
 * {@code UserEntityListing} (paged by pageNumber/pageCount) and {@code WfmUserEntityListing}
 * (entities only).
 */
public record UserListing(List<UserAnswer> entities, Integer pageSize, Integer pageNumber, Long total,
                          Integer pageCount) {
    public UserListing {
        entities = entities == null ? List.of() : entities;
    }
}
