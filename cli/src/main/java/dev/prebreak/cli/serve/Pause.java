package dev.prebreak.cli.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the daemon waits for its next tick. In production that is sleeping until the time comes; the
 * demo instead jumps its virtual clock forward, so hours of a shift pass in seconds while every tick
 * runs exactly as it would for real.
 */
@FunctionalInterface
public interface Pause {
    void until(Instant target) throws InterruptedException;

    /** Sleeps in short steps until the clock reads {@code target}, so that a stop is noticed promptly. */
    static Pause sleeping(Clock clock) {
        return target -> {
            while (true) {
                long left = Duration.between(clock.instant(), target).toMillis();
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(left, 250));
            }
        };
    }
}
