package dev.prebreak.genesys.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesWithinEqualJitterAndStopsAtTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(400), Duration.ofSeconds(5), new Random(7));
        for (int round = 0; round < 50; round++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.backoff(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
            assertThat(policy.backoff(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        }
    }

    @Test
    void sameSeedSameWaits() {
        RetryPolicy a = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), new Random(42));
        RetryPolicy b = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), new Random(42));
        for (int i = 1; i <= 5; i++) {
            assertThat(a.backoff(i)).isEqualTo(b.backoff(i));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
