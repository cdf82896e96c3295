package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaemonTest {
    @Test
    void alignsTicksToThePeriodBoundaries() {
        Duration minute = Duration.ofSeconds(60);
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:00Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:00.001Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:00:59.999Z"), minute)).isEqualTo(Instant.parse("2026-11-24T12:01:00Z"));
        assertThat(Daemon.boundaryAtOrAfter(Instant.parse("2026-11-24T12:07:31Z"), Duration.ofMinutes(5))).isEqualTo(Instant.parse("2026-11-24T12:10:00Z"));
    }
}
