package dev.prebreak.core.tick;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine trades freshness for API calls. The defaults suit Genesys Cloud's 300 requests a
 * minute per client.
 *
 * @param scheduleRefresh every agent's schedule is read again at least this often
 * @param referenceRefresh activity codes and presence definitions are read again this often
 * @param membershipRefresh the scope's management units and their agents are read again this often
 * @param lookBehind how far before now schedules are read (shifts overlapping the window come whole)
 * @param lookAheadMargin read this much beyond the longest lead plus the refresh interval
 * @param schedulesPerTick at most this many agents' schedules are read in one tick, so that a cold start
 *        of a large business unit fills its cache over a few ticks instead of overrunning the first one
 * @param scheduleChunk schedules are read and cached this many agents at a time, so that a tick that
 *        fails half way keeps what it read
 * @param readParallelism reads (schedule chunks, management unit members) in flight at once; writes are
 *        always one batch after another
 */
public record Tuning(Duration scheduleRefresh, Duration referenceRefresh, Duration membershipRefresh, Duration lookBehind,
                     Duration lookAheadMargin, int schedulesPerTick, int scheduleChunk, int readParallelism) {
    public static final Tuning DEFAULTS = new Tuning(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofMinutes(15), 10_000, 500, 4);

    public Tuning {
        Objects.requireNonNull(scheduleRefresh, "scheduleRefresh");
        Objects.requireNonNull(referenceRefresh, "referenceRefresh");
        Objects.requireNonNull(membershipRefresh, "membershipRefresh");
        Objects.requireNonNull(lookBehind, "lookBehind");
        Objects.requireNonNull(lookAheadMargin, "lookAheadMargin");
        if (schedulesPerTick < 1) {
            throw new IllegalArgumentException("schedulesPerTick must be positive, got " + schedulesPerTick);
        }
        if (scheduleChunk < 1) {
            throw new IllegalArgumentException("scheduleChunk must be positive, got " + scheduleChunk);
        }
        if (readParallelism < 1) {
            throw new IllegalArgumentException("readParallelism must be positive, got " + readParallelism);
        }
    }
}
