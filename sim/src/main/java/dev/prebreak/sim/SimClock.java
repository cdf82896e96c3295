package dev.prebreak.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulator's notion of "now": drives schedules, token expiry, rate-limit windows and interactions.
 * Three modes: real time, manual (fixed until set or advanced; what tests use) and accelerated
 * (virtual time runs {@code factor} times faster than the wall clock from an origin; what demos use).
 * Setting or advancing works in every mode: it shifts the virtual timeline.
 */
public final class SimClock extends Clock {

    /** How virtual time relates to the wall clock. */
    public enum Mode { REAL, MANUAL, ACCELERATED }

    private final Clock wall;
    private Mode mode;
    // Virtual time = origin + factor * (wall - wallAtOrigin); in MANUAL mode just origin.
    private Instant origin;
    private Instant wallAtOrigin;
    private double factor;

    private SimClock(Clock wall, Mode mode, Instant origin, double factor) {
        this.wall = wall;
        this.mode = mode;
        this.origin = origin;
        this.wallAtOrigin = wall.instant();
        this.factor = factor;
    }

    public static SimClock real() {
        return new SimClock(Clock.systemUTC(), Mode.REAL, Instant.now(), 1.0);
    }

    public static SimClock fixed(Instant at) {
        return new SimClock(Clock.systemUTC(), Mode.MANUAL, at, 0.0);
    }

    public static SimClock accelerated(Instant origin, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive: " + factor);
        }
        return new SimClock(Clock.systemUTC(), Mode.ACCELERATED, origin, factor);
    }

    @Override
    public synchronized Instant instant() {
        return switch (mode) {
            case MANUAL -> origin;
            case REAL -> origin.plus(Duration.between(wallAtOrigin, wall.instant()));
            case ACCELERATED -> origin.plusNanos(
                    (long) (Duration.between(wallAtOrigin, wall.instant()).toNanos() * factor));
        };
    }

    /** Jumps virtual time to {@code at}; in running modes time keeps flowing from there. */
    public synchronized void set(Instant at) {
        origin = at;
        wallAtOrigin = wall.instant();
    }

    /** Moves virtual time forward (or back, with a negative duration). */
    public synchronized void advance(Duration by) {
        set(instant().plus(by));
    }

    public synchronized Mode mode() {
        return mode;
    }

    public synchronized double speed() {
        return mode == Mode.MANUAL ? 0.0 : factor;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulator clock is always UTC");
    }
}
