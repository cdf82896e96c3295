package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.ApiCall;
import dev.prebreak.core.gateway.ApiUsage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe running totals of traffic. */
public final class Usage {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Map<ApiCall, LongAdder> byEndpoint = new ConcurrentHashMap<>();

    void call() {
        calls.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    /** One attempt of {@code method} on {@code path} ended with {@code status} ("200", or "none" without an answer). */
    void ended(String method, String path, String status) {
        byEndpoint.computeIfAbsent(new ApiCall(method, Endpoints.template(path), status), k -> new LongAdder()).increment();
    }

    public ApiUsage snapshot() {
        Map<ApiCall, Long> counts = new HashMap<>();
        byEndpoint.forEach((call, n) -> counts.put(call, n.sum()));
        return new ApiUsage(calls.get(), rateLimited.get(), retries.get(), counts);
    }
}
