package dev.prebreak.core.tick;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine trades freshness for API calls. The defaults suit Genesys Cloud's 300 requests a
 * minute per client.
 *
 * @param scheduleRefresh every agent's schedule is read again at least this often
 * @param referenceRefresh activity codes, presences and unit membership are read again this often
 * @param lookBehind how far before now schedules are read (shifts overlapping the window come whole)
 * @param lookAheadMargin read this much beyond the longest lead plus the refresh interval
 */
public record Tuning(Duration scheduleRefresh, Duration referenceRefresh, Duration lookBehind, Duration lookAheadMargin) {
    public static final Tuning DEFAULTS = new Tuning(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofMinutes(15));

    public Tuning {
        Objects.requireNonNull(scheduleRefresh, "scheduleRefresh");
        Objects.requireNonNull(referenceRefresh, "referenceRefresh");
        Objects.requireNonNull(lookBehind, "lookBehind");
        Objects.requireNonNull(lookAheadMargin, "lookAheadMargin");
    }
}
