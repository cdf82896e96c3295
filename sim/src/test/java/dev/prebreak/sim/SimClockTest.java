package dev.prebreak.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SimClockTest {
    @Test
    void fixedClockMovesOnlyWhenTold() {
        SimClock clock = SimClock.fixed(Fixtures.T0);
        assertThat(clock.instant()).isEqualTo(Fixtures.T0);
        clock.advance(Duration.ofMinutes(3));
        assertThat(clock.instant()).isEqualTo(Fixtures.T0.plusSeconds(180));
        clock.set(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
        assertThat(clock.mode()).isEqualTo(SimClock.Mode.MANUAL);
    }

    @Test
    void acceleratedClockRunsFasterThanTheWallClock() {
        SimClock clock = SimClock.accelerated(Fixtures.T0, 1_000_000);
        Instant first = clock.instant();
        assertThat(first).isAfterOrEqualTo(Fixtures.T0);
        // A million times faster: any wall-clock progress at all shows as a large virtual jump.
        Instant later = first;
        while (!later.isAfter(first.plusSeconds(1))) {
            later = clock.instant();
        }
        clock.set(Fixtures.T0);
        assertThat(clock.instant()).isBetween(Fixtures.T0, Fixtures.T0.plus(Duration.ofHours(1)));
    }

    @Test
    void realClockTracksTheWallClock() {
        SimClock clock = SimClock.real();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        clock.advance(Duration.ofHours(1));
        assertThat(Duration.between(Instant.now().plus(Duration.ofHours(1)), clock.instant()).abs())
                .isLessThan(Duration.ofSeconds(5));
    }
}
