package dev.prebreak.core.gateway;

import java.time.ZoneId;
import java.util.Objects;

/** A WFM business unit and the time zone its schedules are planned in. */
public record BusinessUnit(String id, String name, ZoneId timeZone) {
    public BusinessUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        name = name == null ? "" : name;
    }
}
