package dev.prebreak.genesys.http;

import java.net.URI;
import java.util.Objects;

/**
 * One request to send, possibly several times.
 *
 * @param call what the request is for, as it should appear in an error ("POST /api/v2/users/presences/bulk")
 * @param body null for none
 * @param contentType the body's media type; ignored without a body
 * @param authorization the Authorization header value, or null to send none (pre-signed download URLs)
 * @param paced whether the request counts against the API rate budget (API calls do; the login
 *              service and storage downloads do not)
 * @param replaySafe whether the request may be sent again after a failure that leaves open whether it
 *              took effect (a 502 or 504, a connection lost after sending). Reads are; a presence write
 *              is not: replayed seconds later it could undo what the agent did meanwhile
 */
public record Outgoing(String call, String method, URI uri, byte[] body, String contentType, String authorization,
                       boolean paced, boolean replaySafe) {
    public Outgoing {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
    }

    @Override
    public String toString() {
        // Never print the Authorization value.
        return call;
    }
}
