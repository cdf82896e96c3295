package dev.prebreak.cli.serve;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * API calls in the last minute, from readings of the client's running total: each reading is kept for a
 * minute, and the calls since the oldest one kept are the minute's (a slight undercount until a minute
 * of readings exists). Readings come at every tick and every page view, so the window is fine enough.
 */
final class RateWindow {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private record Reading(long nanos, long calls) {
    }

    private final Deque<Reading> readings = new ArrayDeque<>();

    /** Takes a reading of {@code calls} so far at monotonic time {@code nanos}; answers the calls in the minute up to it. */
    synchronized long lastMinute(long nanos, long calls) {
        while (!readings.isEmpty() && nanos - readings.peekFirst().nanos() > MINUTE) {
            readings.removeFirst();
        }
        long since = readings.isEmpty() ? calls : readings.peekFirst().calls();
        readings.addLast(new Reading(nanos, calls));
        return Math.max(0, calls - since);
    }
}
