package dev.prebreak.genesys.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How far Genesys' clock is from this machine's, read off the {@code Date} header of every answer.
 *
 * <p>It compares with the machine's wall clock, not the clock that drives ticks: that one may be a
 * simulator's virtual clock, while every answer's {@code Date} is stamped by a real one. The header
 * has whole seconds, so an estimate is good to about a second plus half the round trip.
 */
public final class GenesysTime {
    private static final Duration HALF_SECOND = Duration.ofMillis(500);

    private final Clock wall;
    private volatile Duration offset;

    public GenesysTime(Clock wall) {
        this.wall = Objects.requireNonNull(wall, "wall");
    }

    /** The wall clock's now, to take when a request leaves. */
    public Instant now() {
        return wall.instant();
    }

    /** Learns the offset from an answer to a request sent at {@code sentAt}; an answer without a readable Date teaches nothing. */
    public void observe(Instant sentAt, HttpHeaders headers) {
        Optional<String> date = headers.firstValue("Date");
        if (date.isEmpty()) {
            return;
        }
        Instant stamped;
        try {
            stamped = ZonedDateTime.parse(date.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        Instant received = wall.instant();
        Instant midway = sentAt.plus(Duration.between(sentAt, received).dividedBy(2));
        offset = Duration.between(midway, stamped.plus(HALF_SECOND));
    }

    /** Genesys' clock minus this machine's (negative: Genesys is behind), from the latest answer; empty before any. */
    public Optional<Duration> offset() {
        return Optional.ofNullable(offset);
    }
}
