package dev.prebreak.cli.serve;

import java.time.Clock;
import java.time.Instant;

/**
 * The clock that decides when the daemon ticks: it only moves forward, at a steady rate, whatever is
 * done to the wall clock (NTP steps, an operator's {@code date -s}). The wall clock still says which
 * boundary is due; this one says how long to sleep until then.
 */
public interface MonotonicClock {
    /** A reading in nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /**
     * Returns once {@link #nanoTime()} reaches {@code target}, or a little before: callers read the
     * clocks again and sleep the rest, as timers of coarse granularity end a fraction early.
     */
    void sleepUntil(long target) throws InterruptedException;

    /** {@link System#nanoTime()}, which on Linux does not count time while the host is suspended. */
    static MonotonicClock system() {
        return new MonotonicClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepUntil(long target) throws InterruptedException {
                long left = target - System.nanoTime();
                if (left > 0) {
                    // Rounded up: Thread.sleep(millis, nanos) rounds to the nearest millisecond, so it can end early.
                    Thread.sleep((left + 999_999) / 1_000_000);
                }
            }
        };
    }

    /**
     * Virtual time (the demo, tests): the wall clock is the only clock, so it never steps against this
     * one, and {@code pause} moves it forward instead of sleeping. Readings are nanoseconds since the epoch.
     */
    static MonotonicClock following(Clock clock, Pause pause) {
        return new MonotonicClock() {
            @Override
            public long nanoTime() {
                return epochNanos(clock.instant());
            }

            @Override
            public void sleepUntil(long target) throws InterruptedException {
                pause.until(Instant.ofEpochSecond(0, target));
            }
        };
    }

    /** Nanoseconds since the epoch (a long holds them until the year 2262). */
    static long epochNanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
