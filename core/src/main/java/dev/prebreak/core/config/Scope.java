package dev.prebreak.core.config;

import java.util.List;

/** Which agents prebreak looks after: whole business units, and/or single management units. */
public record Scope(List<String> businessUnits, List<String> managementUnits) {
    public Scope {
        businessUnits = List.copyOf(businessUnits);
        managementUnits = List.copyOf(managementUnits);
    }
}
