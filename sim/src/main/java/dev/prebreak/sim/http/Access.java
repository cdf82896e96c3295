package dev.prebreak.sim.http;

/** Who may call a route, and which cross-cutting behaviour applies to it. */
public enum Access {
    /** A Platform API route: bearer token, rate limit, faults. */
    API,
    /** The OAuth token route: HTTP Basic, faults, no rate limit. */
    LOGIN,
    /** A pre-signed download URL: no Authorization header allowed, faults, no rate limit. */
    PRESIGNED,
    /** The simulator's own control API: open, no faults, not a Genesys path. */
    CONTROL
}
