package dev.prebreak.genesys.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date-times as the Platform API writes them: ISO-8601 with milliseconds, in UTC. */
public final class WireTime {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String format(Instant instant) {
        return OUT.format(instant);
    }

    /** Parses an offset date-time; one without an offset is taken as UTC, as the official SDK does. */
    public static Instant parse(String text, String field) {
        WireException.required(text, field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new WireException("field '" + field + "' is not an ISO-8601 date-time: '" + text + "'");
            }
        }
    }
}
