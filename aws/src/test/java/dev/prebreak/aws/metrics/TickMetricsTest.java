package dev.prebreak.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.aws.testing.RecordingMetrics;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.tick.TickReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickMetricsTest {
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TickMetrics tickMetrics = new TickMetrics(metrics);

    @Test
    void every_tick_writes_exactly_the_listed_names_with_the_unit_beside_the_service() {
        TickReport empty = new TickReport(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofMillis(5), false, List.of(),
                new ApiUsage(3, 1, 0));

        tickMetrics.publish("bu-1", empty, false, Duration.ofMillis(40));

        assertThat(metrics.last().keySet()).isEqualTo(TickMetrics.names());
        assertThat(metrics.last()).containsEntry("ApiCalls", 3.0).containsEntry("RateLimited", 1.0)
                .containsEntry("TickDuration", 40.0);
        assertThat(metrics.lastDimensions()).isEqualTo(Map.of("Service", "prebreak", TickMetrics.BUSINESS_UNIT, "bu-1"));
    }

    @Test
    void the_unit_is_dropped_again_after_the_flush_so_it_never_leaks_into_another_tick() {
        tickMetrics.publishFailure("bu-2", Duration.ofMillis(7));

        assertThat(metrics.last()).containsOnlyKeys("TickFailed", "TickDuration");
        assertThat(TickMetrics.names()).contains("TickFailed", "TickDuration");
        assertThat(metrics.lastDimensions()).containsEntry(TickMetrics.BUSINESS_UNIT, "bu-2");
        assertThat(metrics.getDefaultDimensions().getDimensions()).isEqualTo(Map.of("Service", "prebreak"));
    }

    @Test
    void a_tick_over_several_units_counts_for_all_of_them() {
        assertThat(TickMetrics.unitDimension(List.of("bu-1"))).isEqualTo("bu-1");
        assertThat(TickMetrics.unitDimension(List.of("bu-1", "bu-2"))).isEqualTo(TickMetrics.ALL_UNITS);
        assertThat(TickMetrics.unitDimension(List.of())).isEqualTo(TickMetrics.ALL_UNITS);
    }
}
