package dev.prebreak.sim.http;

import java.time.Duration;

/**
 * Tunables of the simulated API. Genesys does not document its async/download thresholds, so they are
 * settings here: tests pick small ones to reach every response shape.
 *
 * @param clientId             OAuth client id the simulator accepts
 * @param clientSecret         its secret
 * @param tokenLifetime        {@code expires_in} of issued tokens (Genesys default 86,399 s)
 * @param rateLimitPerMinute   requests per token per minute; 0 or less disables the limit
 * @param bulkPresenceMax      most entries in a bulk presence read or write (Genesys: 50)
 * @param asyncThresholdUsers  schedule searches for more users than this answer {@code Processing}
 * @param downloadThresholdUsers schedule searches for more users than this answer with a {@code downloadUrl}
 * @param downloadThresholdBytes ... or whose result JSON is larger than this
 * @param downloadLifetime     how long a download URL works
 * @param maxSearchWindow      longest schedule search window
 * @param usersPageMax         largest {@code pageSize} of {@code GET /api/v2/users}
 */
public record ApiSettings(String clientId, String clientSecret, Duration tokenLifetime, int rateLimitPerMinute,
                          int bulkPresenceMax, int asyncThresholdUsers, int downloadThresholdUsers,
                          long downloadThresholdBytes, Duration downloadLifetime, Duration maxSearchWindow,
                          int usersPageMax) {

    public static ApiSettings defaults() {
        return new ApiSettings("prebreak-sim-client", "prebreak-sim-secret", Duration.ofSeconds(86_399), 300, 50,
                1_000, 500, 2_000_000, Duration.ofMinutes(10), Duration.ofDays(14), 500);
    }
}
