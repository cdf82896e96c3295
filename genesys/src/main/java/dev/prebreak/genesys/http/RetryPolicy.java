package dev.prebreak.genesys.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how long to retry a call that failed for a passing reason (429, 502/503/504, a
 * broken connection). Backoff grows exponentially from {@code baseBackoff} up to {@code maxBackoff};
 * "equal jitter" keeps half of it and randomizes the other half, so that many clients failing at once
 * do not retry in lockstep yet each still waits a fair while.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param jitter the random source for jitter; seed it in tests
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Random jitter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(jitter, "jitter");
        if (baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("need 0 <= baseBackoff <= maxBackoff");
        }
    }

    /** Six attempts, from 500 ms doubling up to 30 s: rides out about a minute of trouble. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), new Random());
    }

    public RetryPolicy withJitter(Random random) {
        return new RetryPolicy(maxAttempts, baseBackoff, maxBackoff, random);
    }

    /** The wait before attempt {@code failedAttempts + 1}. */
    public Duration backoff(int failedAttempts) {
        long base = baseBackoff.toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long ceiling = Math.min(maxBackoff.toMillis(), base << shift);
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        long half = ceiling / 2;
        long random;
        synchronized (jitter) {
            random = half == 0 ? 0 : (long) (jitter.nextDouble() * (ceiling - half + 1));
        }
        return Duration.ofMillis(half + random);
    }
}
