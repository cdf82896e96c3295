package dev.prebreak.core.gateway;

import java.util.Objects;

/** A WFM management unit: a group of agents inside one business unit. */
public record ManagementUnit(String id, String name, String businessUnitId) {
    public ManagementUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessUnitId, "businessUnitId");
        name = name == null ? "" : name;
    }
}
