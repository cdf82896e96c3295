package dev.prebreak.sim.http;

/**
 * A one-shot fault for the next {@code times} calls to {@code endpoint} (a {@code METHOD /template}, a
 * template, an SDK operation name, or {@code *} for any Genesys route). {@code status} applies to
 * SERVER_ERROR (0 means 503); {@code millis} to LATENCY; {@code retryAfterSeconds} to RATE_LIMIT.
 */
public record ScriptedFault(String endpoint, int times, FaultKind kind, int status, long millis,
                            int retryAfterSeconds, boolean lowercaseRetryAfter) {

    public static ScriptedFault of(String endpoint, int times, FaultKind kind) {
        return new ScriptedFault(endpoint, times, kind, 0, 0, 0, false);
    }

    public static ScriptedFault serverError(String endpoint, int times, int status) {
        return new ScriptedFault(endpoint, times, FaultKind.SERVER_ERROR, status, 0, 0, false);
    }

    public static ScriptedFault rateLimit(String endpoint, int times, int retryAfterSeconds, boolean lowercase) {
        return new ScriptedFault(endpoint, times, FaultKind.RATE_LIMIT, 0, 0, retryAfterSeconds, lowercase);
    }

    public static ScriptedFault latency(String endpoint, int times, long millis) {
        return new ScriptedFault(endpoint, times, FaultKind.LATENCY, 0, millis, 0, false);
    }
}
