package dev.prebreak.cli.serve;

import java.time.Instant;

/**
 * How the daemon waits for its next tick in virtual time: the demo jumps its virtual clock forward, so
 * hours of a shift pass in seconds while every tick runs exactly as it would for real. In production
 * the daemon sleeps by a {@link MonotonicClock} instead.
 */
@FunctionalInterface
public interface Pause {
    void until(Instant target) throws InterruptedException;

}
