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
 * Ticks at the start of every tick period, aligned to the wall clock (12:00:00, 12:01:00, ...), so that
 * timing does not drift with the time a tick takes. A tick starts at or after its boundary by the wall
 * clock, and once per boundary. After a pause (a suspended host, a slow tick) it ticks once at once and
 * realigns: the planner catches up on whatever became due meanwhile. A boundary is never skipped, so no
 * trigger waits a whole extra period.
 *
 * <p>How long to sleep is measured by a {@link MonotonicClock}, and the two clocks are compared at every
 * wake-up: a wall clock stepped forward is logged and ticked at once (breaks became due in the skipped
 * time); one stepped back is logged and the next tick is the next boundary of the new wall time, at
 * most one period away, instead of waiting for the old boundary to come round again.
 */
public final class Daemon {
    private static final Logger LOG = System.getLogger(Daemon.class.getName());
    /** Wall and monotonic clocks disagreeing by more than this is a step; NTP slews far less between readings. */
    static final Duration STEP_TOLERANCE = Duration.ofSeconds(2);
    /** How often a sleeping daemon compares its clocks, so that a step is acted on within this. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    /** One tick as of {@code now}, giving up calling Genesys at {@code deadline}: {@link Engine#tick(Instant, Instant)}. */
    @FunctionalInterface
    interface Work {
        TickReport tick(Instant now, Instant deadline);
    }

    /** Both clocks read together. */
    private record Reading(Instant wall, long nanos) {
        /** The step between an earlier reading and this one, if the clocks disagree by more than the tolerance. */
        ClockStep stepSince(Reading earlier) {
            ClockStep step = new ClockStep(earlier.wall, wall, Duration.ofNanos(nanos - earlier.nanos));
            return step.step().abs().compareTo(STEP_TOLERANCE) > 0 ? step : null;
        }
    }

    private final Work work;
    private final Clock clock;
    private final MonotonicClock monotonic;
    private final Duration tick;
    private final TickListener listener;
    private final long checkEveryNanos;
    private volatile boolean stopping;
    private volatile Thread pausing;

    /** Production: sleeps by {@code monotonic}, and acts on steps of the wall clock {@code clock}. */
    public Daemon(Engine engine, Clock clock, MonotonicClock monotonic, Duration tick, TickListener listener) {
        this(engine::tick, clock, monotonic, tick, listener, CHECK_EVERY);
    }

    /** Virtual time (the demo): {@code clock} is the only clock, and {@code pause} moves it to the next tick. */
    public Daemon(Engine engine, Clock clock, Duration tick, Pause pause, TickListener listener) {
        this(engine::tick, clock, tick, pause, listener);
    }

    Daemon(Work work, Clock clock, Duration tick, Pause pause, TickListener listener) {
        // One clock cannot step against itself, so there is nothing to check between boundaries: the pause
        // is asked for boundaries only, as the demo and its tests expect.
        this(work, clock, MonotonicClock.following(clock, pause), tick, listener, null);
    }

    /** @param checkEvery the longest sleep between comparisons of the clocks; null for one sleep per boundary */
    Daemon(Work work, Clock clock, MonotonicClock monotonic, Duration tick, TickListener listener, Duration checkEvery) {
        this.work = work;
        this.clock = clock;
        this.monotonic = monotonic;
        this.tick = tick;
        this.listener = listener;
        this.checkEveryNanos = checkEvery == null ? Long.MAX_VALUE : checkEvery.toNanos();
    }

    /** The first tick boundary at or after {@code at}. */
    static Instant boundaryAtOrAfter(Instant at, Duration tick) {
        long period = tick.toMillis();
        long millis = at.toEpochMilli();
        long floor = Math.floorDiv(millis, period) * period;
        Instant boundary = Instant.ofEpochMilli(floor);
        return boundary.isBefore(at) ? boundary.plusMillis(period) : boundary;
    }

    /** The first tick boundary after {@code at}: the next one for a tick that started at {@code at}. */
    static Instant boundaryAfter(Instant at, Duration tick) {
        Instant boundary = boundaryAtOrAfter(at, tick);
        return boundary.equals(at) ? boundary.plus(tick) : boundary;
    }

    /**
     * Ticks until {@link #stop()} or {@code until}; returns normally when stopped. A tick in progress
     * is finished (it is bounded by its deadline) before the loop ends.
     *
     * @param until when to stop by itself (the demo), or null to run until stopped
     */
    public void run(Instant until) {
        Reading last = read();
        Instant due = last.wall(); // the first tick runs at once, catching up on anything due
        while (!stopping) {
            Reading now = read();
            ClockStep step = now.stepSince(last);
            last = now;
            if (step != null) {
                due = step.back() ? boundaryAfter(now.wall(), tick) : now.wall();
                LOG.log(Level.WARNING, "{0}; {1}", step.describe(), step.back()
                        ? "the next tick is at " + due + ", the next boundary by the wall clock as it now reads"
                        : "ticking at once to catch up");
                listener.clockStepped(step);
            }
            if (until != null && !due.isBefore(until)) {
                break;
            }
            if (now.wall().isBefore(due)) {
                // Sleep until the boundary by the monotonic clock, then read both clocks again: a sleep that
                // ended early is continued, and one during which the wall clock stepped is re-judged.
                long left = Duration.between(now.wall(), due).toNanos();
                if (!sleepUntil(now.nanos() + Math.min(left, checkEveryNanos))) {
                    break;
                }
                continue;
            }
            runTick(now);
            Instant next = boundaryAfter(now.wall(), tick);
            Reading after = read();
            // Judged by the monotonic clock, so that a wall clock stepped during the tick is not blamed on it.
            if (after.nanos() - now.nanos() >= Duration.between(now.wall(), next).toNanos()) {
                LOG.log(Level.WARNING, "tick at {0} ran past {1}; the next tick starts at once to catch up", now.wall(), next);
            }
            due = next; // never skipped: a tick that ran past it is followed at once by one that catches up
        }
    }

    private void runTick(Reading now) {
        Instant boundary = boundaryAfter(now.wall(), tick);
        // A tick may use its period. The first one (or one after a pause) may start just before a boundary:
        // it gets the following period too rather than a few milliseconds.
        Instant deadline = Duration.between(now.wall(), boundary).compareTo(tick.dividedBy(2)) < 0 ? boundary.plus(tick) : boundary;
        try {
            listener.ticked(work.tick(now.wall(), deadline));
        } catch (InvalidConfigException e) {
            throw e; // the configuration will not fix itself: stop loudly
        } catch (RuntimeException e) { // GatewayException and anything unforeseen: keep ticking
            LOG.log(Level.ERROR, "tick at " + now.wall() + " failed: " + e.getMessage());
            listener.failed(now.wall(), e);
        }
    }

    /** Sleeps by the monotonic clock; false when stopped meanwhile. */
    private boolean sleepUntil(long target) {
        try {
            pausing = Thread.currentThread();
            if (!stopping) {
                monotonic.sleepUntil(target);
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                Thread.currentThread().interrupt();
            }
            return false;
        } finally {
            pausing = null;
        }
        Thread.interrupted(); // a stop that raced with the end of the sleep must not abort the next tick's I/O
        return !stopping;
    }

    private Reading read() {
        // Monotonic first: a wall reading taken a moment later can only make the wall clock look ahead, by far
        // less than the tolerance.
        long nanos = monotonic.nanoTime();
        return new Reading(clock.instant(), nanos);
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
