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
    REVOKE_TOKENS
}
