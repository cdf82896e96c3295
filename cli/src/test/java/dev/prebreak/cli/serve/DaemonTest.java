package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.tick.TickReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaemonTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    /** A virtual start, a little after a boundary; no real clock ever meets it. */
    private static final Instant START = Instant.parse("2026-11-24T12:00:07Z");

    @Test
    void alignsTicksToThePeriodBoundaries() {
        Duration minute = Duration.ofSeconds(60);
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:00Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:00.001Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:59.999Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:07:31Z"), Duration.ofMinutes(5))).isEqualTo(Instant.parse("2026-11-24T12:10:00Z"));
    }

    /**
     * Issue 13: a sleep may end a fraction of a millisecond before its target, as the JVM's can. The daemon
     * must notice, wait the rest, and tick once per boundary, at or after it; it used to tick 0.3 ms early
     * and then again for the same boundary.
     */
    @Test
    void aSleepThatEndsJustBeforeTheBoundaryNeitherTicksEarlyNorTwice() {
        VirtualClock clock = new VirtualClock(START);
        Pause wakesEarly = target -> {
            Duration left = Duration.between(clock.instant(), target);
            // Like a timer of millisecond granularity: long sleeps end 0.3 ms short, short ones last a millisecond.
            clock.set(left.compareTo(Duration.ofMillis(1)) > 0 ? target.minusNanos(300_000) : clock.instant().plusMillis(1));
        };
        List<Instant> ticks = new ArrayList<>();

        new Daemon(recording(ticks), clock, MINUTE, wakesEarly, new Listener()).run(Instant.parse("2026-11-24T12:05:00Z"));

        assertThat(ticks).hasSize(5); // at once, then 12:01, 12:02, 12:03, 12:04
        assertThat(ticks.get(0)).isEqualTo(START);
        for (int i = 1; i < ticks.size(); i++) {
            Instant boundary = Instant.parse("2026-11-24T12:00:00Z").plus(MINUTE.multipliedBy(i));
            assertThat(ticks.get(i)).as("tick %d", i).isAfterOrEqualTo(boundary).isBefore(boundary.plusMillis(2));
        }
    }

    @Test
    void sleepsByTheMonotonicClockAndTicksOncePerBoundary() {
        TwoClocks clocks = new TwoClocks(START);
        List<Instant> ticks = new ArrayList<>();

        daemon(recording(ticks), clocks, new Listener()).run(Instant.parse("2026-11-24T12:03:00Z"));

        assertThat(ticks).containsExactly(START, Instant.parse("2026-11-24T12:01:00Z"), Instant.parse("2026-11-24T12:02:00Z"));
    }

    /** Issue 10: the wall clock stepped back an hour used to stall the daemon for that hour while /healthz said ok. */
    @Test
    void aStepBackOfAnHourIsLoggedAndTheNextBoundaryOfTheNewTimeTicks() {
        TwoClocks clocks = new TwoClocks(START);
        clocks.stepWallAt(Instant.parse("2026-11-24T12:01:30Z"), Duration.ofHours(-1));
        List<Instant> ticks = new ArrayList<>();
        List<Long> monotonicAtTicks = new ArrayList<>();
        Listener listener = new Listener();
        Daemon[] daemon = new Daemon[1];
        // A wall-clock `until` would be ambiguous across the step: stop after the sixth tick instead.
        daemon[0] = daemon((now, deadline) -> {
            monotonicAtTicks.add(clocks.nanoTime());
            if (ticks.size() == 5) {
                daemon[0].stop();
            }
            return recording(ticks).tick(now, deadline);
        }, clocks, listener);

        daemon[0].run(null);

        assertThat(ticks).containsExactly(START, Instant.parse("2026-11-24T12:01:00Z"),
                Instant.parse("2026-11-24T11:02:00Z"), Instant.parse("2026-11-24T11:03:00Z"),
                Instant.parse("2026-11-24T11:04:00Z"), Instant.parse("2026-11-24T11:05:00Z"));
        assertThat(listener.steps).singleElement().satisfies(step -> {
            assertThat(step.back()).isTrue();
            assertThat(step.step()).isBetween(Duration.ofHours(-1).minus(Daemon.CHECK_EVERY), Duration.ofHours(-1).plus(Daemon.CHECK_EVERY));
            assertThat(step.describe()).startsWith("the wall clock stepped back 1 h");
        });
        for (int i = 1; i < monotonicAtTicks.size(); i++) {
            assertThat(Duration.ofNanos(monotonicAtTicks.get(i) - monotonicAtTicks.get(i - 1))).as("gap before tick %d", i)
                    .isLessThanOrEqualTo(MINUTE);
        }
    }

    /** Issue 10: a wall clock stepped forward 30 min used to go unremarked. */
    @Test
    void aStepForwardIsLoggedAndTickedAtOnce() {
        TwoClocks clocks = new TwoClocks(START);
        clocks.stepWallAt(Instant.parse("2026-11-24T12:01:20Z"), Duration.ofMinutes(30));
        List<Instant> ticks = new ArrayList<>();
        Listener listener = new Listener();
        List<String> warnings = new ArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Daemon.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    warnings.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            daemon(recording(ticks), clocks, listener).run(Instant.parse("2026-11-24T12:33:00Z"));
        } finally {
            log.removeHandler(handler);
        }

        // Noticed at the first comparison of the clocks after the step, within CHECK_EVERY.
        assertThat(ticks).containsExactly(START, Instant.parse("2026-11-24T12:01:00Z"),
                Instant.parse("2026-11-24T12:31:20Z"), Instant.parse("2026-11-24T12:32:00Z"));
        assertThat(listener.steps).singleElement().satisfies(step -> assertThat(step.back()).isFalse());
        assertThat(warnings).singleElement().asString()
                .startsWith("the wall clock stepped forward 30 min (from 2026-11-24T12:01:19Z to 2026-11-24T12:31:20Z while 1.000 s passed")
                .endsWith("ticking at once to catch up");
    }

    @Test
    void aSmallDisagreementOfTheClocksIsNoStepAndNeverTicksBeforeTheBoundary() {
        TwoClocks clocks = new TwoClocks(START);
        clocks.stepWallAt(Instant.parse("2026-11-24T12:00:30Z"), Duration.ofMillis(-1500)); // within the tolerance
        List<Instant> ticks = new ArrayList<>();
        Listener listener = new Listener();

        daemon(recording(ticks), clocks, listener).run(Instant.parse("2026-11-24T12:02:30Z"));

        assertThat(ticks).containsExactly(START, Instant.parse("2026-11-24T12:01:00Z"), Instant.parse("2026-11-24T12:02:00Z"));
        assertThat(listener.steps).isEmpty();
    }

    @Test
    void aTickThatRunsPastTheNextBoundaryIsFollowedByOneCatchUpTick() {
        TwoClocks clocks = new TwoClocks(START);
        List<Instant> ticks = new ArrayList<>();
        Daemon.Work slowFirst = (now, deadline) -> {
            if (ticks.isEmpty()) {
                clocks.pass(Duration.ofSeconds(70)); // to 12:01:17, past 12:01:00
            }
            return recording(ticks).tick(now, deadline);
        };

        daemon(slowFirst, clocks, new Listener()).run(Instant.parse("2026-11-24T12:03:00Z"));

        assertThat(ticks).containsExactly(START, Instant.parse("2026-11-24T12:01:17Z"), Instant.parse("2026-11-24T12:02:00Z"));
    }

    private static Daemon daemon(Daemon.Work work, TwoClocks clocks, TickListener listener) {
        return new Daemon(work, clocks.wall, clocks, MINUTE, listener, Daemon.CHECK_EVERY);
    }

    private static Daemon.Work recording(List<Instant> ticks) {
        return (now, deadline) -> {
            ticks.add(now);
            return new TickReport(now, Duration.ZERO, false, List.of(), ApiUsage.NONE);
        };
    }

    /** Hears ticks and forgets them; keeps clock steps. */
    static class Listener implements TickListener {
        final List<ClockStep> steps = new ArrayList<>();

        @Override
        public void clockStepped(ClockStep step) {
            steps.add(step);
        }

        @Override
        public void ticked(TickReport report) {
        }

        @Override
        public void failed(Instant at, RuntimeException error) {
        }
    }

    /**
     * A wall clock and a monotonic clock that move together when slept on, except that the wall clock is
     * stepped at a given moment, as NTP or an operator would.
     */
    static final class TwoClocks implements MonotonicClock {
        final VirtualClock wall;
        private long nanos = 5_000_000_000L; // an arbitrary origin, as System.nanoTime's
        private Instant stepAt;
        private Duration step;

        TwoClocks(Instant start) {
            wall = new VirtualClock(start);
        }

        /** When the wall clock reads {@code at}, it jumps by {@code by}. */
        void stepWallAt(Instant at, Duration by) {
            stepAt = at;
            step = by;
        }

        /** Time passes on both clocks (and the wall clock steps if its moment comes). */
        void pass(Duration d) {
            Instant to = wall.instant().plus(d);
            if (stepAt != null && !to.isBefore(stepAt)) {
                to = to.plus(step);
                stepAt = null;
            }
            wall.set(to);
            nanos += d.toNanos();
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleepUntil(long target) {
            pass(Duration.ofNanos(Math.max(0, target - nanos)));
        }
    }

    /** A wall clock that moves only when told. */
    static final class VirtualClock extends Clock {
        private volatile Instant now;

        VirtualClock(Instant start) {
            now = start;
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
