package dev.prebreak.genesys.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when to stop using it.
 *
 * @param renewAt when to fetch the next one: a margin before it expires, so that no call carries a
 *                token that dies in flight
 * @param lifetime how long Genesys said it lives ({@code expires_in}), as the OAuth client is set up
 */
public record AccessToken(String value, Instant expiresAt, Instant renewAt, Duration lifetime) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(renewAt, "renewAt");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
