package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.ApiUsage;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe running totals of traffic. */
public final class Usage {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void call() {
        calls.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    public ApiUsage snapshot() {
        return new ApiUsage(calls.get(), rateLimited.get(), retries.get());
    }
}
