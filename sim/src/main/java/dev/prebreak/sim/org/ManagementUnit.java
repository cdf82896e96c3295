package dev.prebreak.sim.org;

import java.util.List;

public record ManagementUnit(String id, String name, String businessUnitId, List<String> userIds) {
    public ManagementUnit {
        userIds = List.copyOf(userIds);
    }
}
