package dev.prebreak.cli.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in the demo's output, in the business unit's time zone, as its agents and planners read them. */
record DemoTime(ZoneId zone) {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    String hhmm(Instant at) {
        return HH_MM.format(at.atZone(zone));
    }

    String full(Instant at) {
        return FULL.format(at.atZone(zone));
    }
}
