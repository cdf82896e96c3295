package dev.prebreak.cli.serve;

import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.tick.Engine;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ticks at the start of every tick period, aligned to the clock (12:00:00, 12:01:00, ...), so that
 * timing does not drift with the time a tick takes. After a pause (a suspended host, a slow tick)
 * it ticks once at once and realigns: the planner catches up on whatever became due meanwhile.
 */
public final class Daemon {
    private static final Logger LOG = System.getLogger(Daemon.class.getName());

    private final Engine engine;
    private final Clock clock;
    private final Duration tick;
    private final Pause pause;
    private final TickListener listener;
    private volatile boolean stopping;
    private volatile Thread pausing;

    public Daemon(Engine engine, Clock clock, Duration tick, Pause pause, TickListener listener) {
        this.engine = engine;
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
            Instant deadline = boundaryAtOrAfter(now.plusMillis(1), tick);
            if (Duration.between(now, deadline).compareTo(tick.dividedBy(2)) < 0) {
                // The first tick (or one after a pause) may start just before a boundary: give it the next
                // period too rather than a few milliseconds, and let it stand for that boundary's tick.
                deadline = deadline.plus(tick);
            }
            try {
                listener.ticked(engine.tick(now, deadline));
            } catch (InvalidConfigException e) {
                throw e; // the configuration will not fix itself: stop loudly
            } catch (RuntimeException e) { // GatewayException and anything unforeseen: keep ticking
                LOG.log(Level.ERROR, "tick at " + now + " failed: " + e.getMessage());
                listener.failed(now, e);
            }
            Instant after = clock.instant();
            next = boundaryAtOrAfter(after.plusMillis(1), tick);
            if (next.isBefore(deadline)) {
                next = deadline; // the tick stood for every boundary up to its deadline
            }
            if (after.isAfter(deadline)) {
                LOG.log(Level.WARNING, "tick at {0} ran past its period; next tick at {1}", now, next);
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
