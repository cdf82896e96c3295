package dev.prebreak.core.gateway;

/**
 * Running totals of a gateway's traffic. Subtract two snapshots to get one tick's share.
 *
 * @param calls HTTP requests sent, retries included
 * @param rateLimited answers of 429
 * @param retries requests sent again after a 429, a 5xx or a broken connection
 */
public record ApiUsage(long calls, long rateLimited, long retries) {
    public static final ApiUsage NONE = new ApiUsage(0, 0, 0);

    public ApiUsage minus(ApiUsage earlier) {
        return new ApiUsage(calls - earlier.calls, rateLimited - earlier.rateLimited, retries - earlier.retries);
    }
}
