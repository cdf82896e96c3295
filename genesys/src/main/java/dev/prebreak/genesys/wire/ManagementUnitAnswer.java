package dev.prebreak.genesys.wire;

import dev.prebreak.core.gateway.ManagementUnit;

/** {@code ManagementUnit}: only what prebreak needs of it. */
public record ManagementUnitAnswer(String id, String name, EntityRef businessUnit) {

    /** Maps with the business unit from the answer. */
    public ManagementUnit toCore() {
        String buId = businessUnit == null ? null : businessUnit.id();
        return new ManagementUnit(WireException.required(id, "id"), name, WireException.required(buId, "businessUnit.id"));
    }

    /** Maps inside a business unit's listing, where the unit is known from the request. */
    public ManagementUnit toCore(String businessUnitId) {
        return new ManagementUnit(WireException.required(id, "entities[].id"), name, businessUnitId);
    }
}
