package dev.prebreak.cli.day;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A calendar day in a business unit's time zone, and the instants it runs between (23 or 25 hours on a clock change). */
record Day(LocalDate date, ZoneId zone) {
    /** The earliest and latest offsets any place has: a day anywhere lies between these. */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
    private static final ZoneOffset LATEST = ZoneOffset.ofHours(-12);

    Day {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
    }

    Instant start() {
        return date.atStartOfDay(zone).toInstant();
    }

    Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** From the start of {@code first} in the first place on Earth to reach it, in any zone. */
    static Instant earliestStart(LocalDate first) {
        return first.atStartOfDay(EARLIEST).toInstant();
    }

    /** To the end of {@code last} in the last place on Earth to leave it. */
    static Instant latestEnd(LocalDate last) {
        return last.plusDays(1).atStartOfDay(LATEST).toInstant();
    }
}
