package dev.prebreak.genesys.wire;

import dev.prebreak.core.gateway.BusinessUnit;
import java.time.DateTimeException;
import java.time.ZoneId;

/** {@code BusinessUnitResponse}, read with {@code expand=settings.timeZone}. */
public record BusinessUnitAnswer(String id, String name, Settings settings) {

    public record Settings(String timeZone) {
    }

    public BusinessUnit toCore() {
        String zone = WireException.required(settings == null ? null : settings.timeZone(), "settings.timeZone");
        try {
            return new BusinessUnit(WireException.required(id, "id"), name, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new WireException("field 'settings.timeZone' is not a known time zone: '" + zone + "'");
        }
    }
}
