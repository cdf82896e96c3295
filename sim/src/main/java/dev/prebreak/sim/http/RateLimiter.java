package dev.prebreak.sim.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request budget per token on the sim clock (Genesys: 300 per minute per client-credentials
 * token by default).
 */
public final class RateLimiter {
    /** The outcome of counting one request: whether it is allowed, and the header figures. */
    public record Verdict(boolean allowed, int limit, int count, long resetSeconds) {
    }

    private static final class Window {
        long start;
        int count;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile int perMinute;

    public RateLimiter(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    public void setPerMinute(int perMinute) {
        this.perMinute = perMinute;
    }

    public int perMinute() {
        return perMinute;
    }

    public Verdict count(String token) {
        long nowMillis = clock.millis();
        long windowStart = Math.floorDiv(nowMillis, 60_000L) * 60_000L;
        Window w = windows.computeIfAbsent(token, k -> new Window());
        synchronized (w) {
            if (w.start != windowStart) {
                w.start = windowStart;
                w.count = 0;
            }
            long reset = Math.max(1, (windowStart + 60_000L - nowMillis + 999) / 1000);
            int limit = perMinute;
            if (limit > 0 && w.count >= limit) {
                return new Verdict(false, limit, w.count, reset);
            }
            w.count++;
            return new Verdict(true, limit, w.count, reset);
        }
    }
}
