package dev.prebreak.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in configuration: ISO-8601 ({@code PT15M}), {@code 15m}, {@code 90s}, {@code 2h}, or a bare number in a stated unit. */
final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|sec|m|min|h)");

    private DurationText() {
    }

    /**
     * @param bareUnit what a bare number means ("minutes" for leads, "seconds" for the tick)
     * @throws IllegalArgumentException saying what forms are accepted
     */
    static Duration parse(Object value, java.time.temporal.ChronoUnit bareUnit) {
        if (value instanceof Integer || value instanceof Long) {
            return Duration.of(((Number) value).longValue(), bareUnit);
        }
        String text = String.valueOf(value).trim();
        if (text.matches("\\d+")) {
            return Duration.of(Long.parseLong(text), bareUnit);
        }
        Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "s": case "sec": return Duration.ofSeconds(n);
                case "m": case "min": return Duration.ofMinutes(n);
                default: return Duration.ofHours(n);
            }
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a duration: '" + text + "'; use ISO-8601 such as PT15M, or 15m, 90s, 2h, or a number of "
                    + bareUnit.toString().toLowerCase(Locale.ROOT));
        }
    }

    /** Readable form for messages: PT15M stays ISO so users can paste it back. */
    static String show(Duration d) {
        return d.toString();
    }
}
