package dev.prebreak.genesys.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when to stop using it.
 *
 * @param renewAt when to fetch the next one: a margin before it expires, so that no call carries a
 *                token that dies in flight
 */
public record AccessToken(String value, Instant expiresAt, Instant renewAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(renewAt, "renewAt");
    }

    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
