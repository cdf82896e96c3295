package dev.prebreak.sim.http;

/** What an injected fault does to a request. */
public enum FaultKind {
    /** 429 with Retry-After, before the request is counted against the real budget. */
    RATE_LIMIT,
    /** 500, 502, 503 or 504 with the error body. */
    SERVER_ERROR,
    /** Delay before answering normally. */
    LATENCY,
    /** Close the connection without answering. */
    DROP,
    /** Answer normally but cut the JSON body short. */
    MALFORMED,
    /** Invalidate every token, then handle the request (which then fails 401). */
    REVOKE_TOKENS,
    /** 429 {@code too.many.requests} with no Retry-After header, the other 429 shape Genesys sends. */
    RATE_LIMIT_WITHOUT_RETRY_AFTER,
    /** 504 {@code request.timeout}: the request may or may not have been carried out behind it. */
    REQUEST_TIMEOUT,
    /** 401 {@code credentials.expired} for a token the client still believes valid; the token stays usable. */
    CREDENTIALS_EXPIRED
}
