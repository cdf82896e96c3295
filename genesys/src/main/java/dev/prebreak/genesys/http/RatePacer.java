package dev.prebreak.genesys.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Keeps API calls within the rate budget, from two views at once: our own count of calls sent in the
 * last minute against the configured budget, and the server's count from the
 * {@code inin-ratelimit-allowed/count/reset} headers (which also covers other clients sharing the
 * token). In each view the first half of the allowance goes at full speed (a small tick finishes
 * fast); after that the remaining calls are spread evenly until the window frees up, so that the
 * budget lasts to the end of the window instead of ending in a wall of 429s. A 429's Retry-After
 * pauses every call until it has passed.
 */
public final class RatePacer {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int budgetPerMinute;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Instant last;
    private Instant pausedUntil = Instant.MIN;
    private int serverAllowed = -1;
    private int serverCount;
    private Instant serverReset = Instant.MIN;
    private RateLimitHeaders lastSeen;

    public RatePacer(int budgetPerMinute) {
        if (budgetPerMinute < 1) {
            throw new IllegalArgumentException("rate budget must be at least 1 call a minute: " + budgetPerMinute);
        }
        this.budgetPerMinute = budgetPerMinute;
    }

    /** How long to wait at {@code now} before sending the next call. */
    public synchronized Duration delay(Instant now) {
        prune(now);
        Instant earliest = pausedUntil;
        if (!sent.isEmpty()) {
            earliest = later(earliest, spread(budgetPerMinute, sent.size(), sent.peekFirst().plus(WINDOW)));
        }
        if (serverAllowed > 0 && now.isBefore(serverReset)) {
            earliest = later(earliest, spread(serverAllowed, serverCount, serverReset));
        }
        return earliest.isAfter(now) ? Duration.between(now, earliest) : Duration.ZERO;
    }

    private Instant spread(int allowed, int used, Instant windowEnd) {
        int remaining = allowed - used;
        if (remaining <= 0) {
            return windowEnd;
        }
        if (used < allowed / 2 || last == null || !windowEnd.isAfter(last)) {
            return Instant.MIN;
        }
        return last.plus(Duration.between(last, windowEnd).dividedBy(remaining + 1L));
    }

    /** Records a call sent at {@code now}. */
    public synchronized void sent(Instant now) {
        sent.addLast(now);
        last = now;
        if (serverAllowed > 0 && now.isBefore(serverReset)) {
            serverCount++;
        }
    }

    /** Takes in the server's view of the budget from a response received at {@code now}. */
    public synchronized void observe(Instant now, HttpHeaders headers) {
        OptionalLong allowed = number(headers, "inin-ratelimit-allowed");
        OptionalLong count = number(headers, "inin-ratelimit-count");
        OptionalLong reset = number(headers, "inin-ratelimit-reset");
        if (allowed.isPresent() && count.isPresent() && reset.isPresent()) {
            lastSeen = new RateLimitHeaders(allowed.getAsLong(), count.getAsLong(), reset.getAsLong());
        }
        if (allowed.isPresent() && count.isPresent() && reset.isPresent() && allowed.getAsLong() > 0) {
            serverAllowed = (int) Math.min(Integer.MAX_VALUE, allowed.getAsLong());
            serverCount = (int) Math.min(Integer.MAX_VALUE, count.getAsLong());
            serverReset = now.plusSeconds(Math.max(0, reset.getAsLong()));
        }
    }

    /** The rate-limit headers of the latest answer that had all three; empty before any. */
    public synchronized java.util.Optional<RateLimitHeaders> lastSeen() {
        return java.util.Optional.ofNullable(lastSeen);
    }

    /** Holds every call until {@code until} (after a 429's Retry-After). */
    public synchronized void pauseUntil(Instant until) {
        pausedUntil = later(pausedUntil, until);
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(horizon)) {
            sent.removeFirst();
        }
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        return headers.firstValue(name).map(String::trim).filter(v -> v.matches("\\d{1,18}"))
                .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
