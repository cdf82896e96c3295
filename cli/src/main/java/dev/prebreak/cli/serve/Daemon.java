package dev.prebreak.cli.serve;

import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ticks at the start of every tick period, aligned to the clock (12:00:00, 12:01:00, ...), so that
 * timing does not drift with the time a tick takes. After a pause (a suspended host, a slow tick)
 * it ticks once at once and realigns: the planner catches up on whatever became due meanwhile.
 * A boundary is never skipped, so no trigger waits a whole extra period.
 */
public final class Daemon {
    private static final Logger LOG = System.getLogger(Daemon.class.getName());

    private final Work work;
    private final Clock clock;
    private final Duration tick;
    private final Pause pause;
    private final TickListener listener;
    private volatile boolean stopping;
    private volatile Thread pausing;

    /** One tick as of {@code now}, giving up calling Genesys at {@code deadline}: {@link Engine#tick(Instant, Instant)}. */
    @FunctionalInterface
    interface Work {
        TickReport tick(Instant now, Instant deadline);
    }

    public Daemon(Engine engine, Clock clock, Duration tick, Pause pause, TickListener listener) {
        this(engine::tick, clock, tick, pause, listener);
    }

    Daemon(Work work, Clock clock, Duration tick, Pause pause, TickListener listener) {
        this.work = work;
        this.clock = clock;
        this.tick = tick;
        this.pause = pause;
        this.listener = listener;
    }

    /** The first tick boundary at or after {@code at}. */
    static Instant boundaryAtOrAfter(Instant at, Duration tick) {
        long period = tick.toMillis();
        long millis = at.toEpochMilli();
        long floor = Math.floorDiv(millis, period) * period;
        return Instant.ofEpochMilli(floor == millis ? floor : floor + period);
    }

    /**
     * Ticks until {@link #stop()} or {@code until}; returns normally when stopped. A tick in progress
     * is finished (it is bounded by its deadline) before the loop ends.
     *
     * @param until when to stop by itself (the demo), or null to run until stopped
     */
    public void run(Instant until) {
        Instant next = clock.instant(); // the first tick runs at once, catching up on anything due
        while (!stopping && (until == null || next.isBefore(until))) {
            try {
                pausing = Thread.currentThread();
                if (!stopping) {
                    pause.until(next);
                }
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                Thread.currentThread().interrupt();
                break;
            }
            pausing = null;
            Thread.interrupted(); // a stop that raced with the end of the pause must not abort the tick's I/O
            if (stopping) {
                break;
            }
            Instant now = clock.instant();
            Instant boundary = boundaryAtOrAfter(now.plusMillis(1), tick);
            // A tick may use its period. The first one (or one after a pause) may start just before a
            // boundary: it gets the following period too rather than a few milliseconds.
            Instant deadline = Duration.between(now, boundary).compareTo(tick.dividedBy(2)) < 0 ? boundary.plus(tick) : boundary;
            try {
                listener.ticked(work.tick(now, deadline));
            } catch (InvalidConfigException e) {
                throw e; // the configuration will not fix itself: stop loudly
            } catch (RuntimeException e) { // GatewayException and anything unforeseen: keep ticking
                LOG.log(Level.ERROR, "tick at " + now + " failed: " + e.getMessage());
                listener.failed(now, e);
            }
            // The next boundary is never skipped: a tick that ran past it is followed at once by one that
            // catches up on whatever became due at it.
            next = boundary;
            if (clock.instant().isAfter(boundary)) {
                LOG.log(Level.WARNING, "tick at {0} ran past {1}; the next tick starts at once to catch up", now, boundary);
            }
        }
    }

    /** Stops after the tick in progress, or at once when waiting for the next one. */
    public void stop() {
        stopping = true;
        Thread waiting = pausing;
        if (waiting != null) {
            waiting.interrupt();
        }
    }
}
