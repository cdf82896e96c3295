package dev.prebreak.core.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * Running totals of a gateway's traffic. Subtract two snapshots to get one tick's share.
 *
 * @param calls HTTP requests sent, retries included
 * @param rateLimited answers of 429
 * @param retries requests sent again after a 429, a 5xx or a broken connection
 * @param byEndpoint the same requests by method, route template and status (empty where the adapter does not count them)
 */
public record ApiUsage(long calls, long rateLimited, long retries, Map<ApiCall, Long> byEndpoint) {
    public static final ApiUsage NONE = new ApiUsage(0, 0, 0);

    public ApiUsage {
        byEndpoint = Map.copyOf(byEndpoint);
    }

    public ApiUsage(long calls, long rateLimited, long retries) {
        this(calls, rateLimited, retries, Map.of());
    }

    public ApiUsage minus(ApiUsage earlier) {
        Map<ApiCall, Long> share = new HashMap<>(byEndpoint);
        earlier.byEndpoint.forEach((call, n) -> share.merge(call, -n, Long::sum));
        share.values().removeIf(n -> n == 0);
        return new ApiUsage(calls - earlier.calls, rateLimited - earlier.rateLimited, retries - earlier.retries, share);
    }
}
