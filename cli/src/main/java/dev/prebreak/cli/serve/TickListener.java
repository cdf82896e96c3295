package dev.prebreak.cli.serve;

import dev.prebreak.core.tick.TickReport;
import java.time.Instant;

/** Hears how each tick of the daemon went. */
public interface TickListener {
    void ticked(TickReport report);

    /** The tick could not run at all (org-wide reads failed). */
    void failed(Instant at, RuntimeException error);

    /** The wall clock was stepped (or the host suspended); the daemon has logged it and re-aligned. */
    default void clockStepped(ClockStep step) {
    }
}
