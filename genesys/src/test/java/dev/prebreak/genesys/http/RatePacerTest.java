package dev.prebreak.genesys.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatePacerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T13:00:00Z");

    private static HttpHeaders headers(long allowed, long count, long reset) {
        return HttpHeaders.of(Map.of("inin-ratelimit-allowed", List.of(String.valueOf(allowed)),
                "inin-ratelimit-count", List.of(String.valueOf(count)),
                "inin-ratelimit-reset", List.of(String.valueOf(reset))), (a, b) -> true);
    }

    @Test
    void firstHalfOfTheBudgetGoesAtFullSpeed() {
        RatePacer pacer = new RatePacer(10);
        for (int i = 0; i < 5; i++) {
            assertThat(pacer.delay(T0)).isZero();
            pacer.sent(T0);
        }
        assertThat(pacer.delay(T0)).isPositive();
    }

    @Test
    void spreadsTheRestAndNeverExceedsTheBudgetInAnyMinute() {
        RatePacer pacer = new RatePacer(10);
        Instant now = T0;
        List<Instant> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            now = now.plus(pacer.delay(now));
            pacer.sent(now);
            sent.add(now);
        }
        for (int i = 10; i < sent.size(); i++) {
            // the 11th call after any call comes at least a minute later
            assertThat(Duration.between(sent.get(i - 10), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        // and it does not crawl: 40 calls at 10 a minute take about four minutes, not more than five
        assertThat(Duration.between(T0, now)).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void serverCountAtTheLimitWaitsForTheReset() {
        RatePacer pacer = new RatePacer(300);
        pacer.sent(T0);
        pacer.observe(T0, headers(300, 300, 20));
        assertThat(pacer.delay(T0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(pacer.delay(T0.plusSeconds(20))).isZero();
    }

    @Test
    void serverCountPastHalfSpreadsTheRemainder() {
        RatePacer pacer = new RatePacer(300);
        pacer.sent(T0);
        pacer.observe(T0, headers(300, 299, 30));
        // one call left for 30 s: wait half of it
        assertThat(pacer.delay(T0)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void retryAfterPausesEveryCall() {
        RatePacer pacer = new RatePacer(300);
        pacer.pauseUntil(T0.plusSeconds(7));
        assertThat(pacer.delay(T0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(pacer.delay(T0.plusSeconds(8))).isZero();
    }
}
