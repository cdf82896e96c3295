package dev.prebreak.cli.serve;

import dev.prebreak.core.tick.TickReport;
import java.time.Instant;

/** Hears how each tick of the daemon went. */
public interface TickListener {
    void ticked(TickReport report);

    /** The tick could not run at all (org-wide reads failed). */
    void failed(Instant at, RuntimeException error);
}
