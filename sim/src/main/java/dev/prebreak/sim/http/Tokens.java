package dev.prebreak.sim.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued bearer tokens with their expiry on the sim clock. */
public final class Tokens {
    /** A live token: which OAuth client it belongs to and when it stops working. */
    public record Grant(String clientId, Instant expires) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Tokens(Clock clock) {
        this.clock = clock;
    }

    public String issue(String clientId, Duration lifetime) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(clientId, clock.instant().plus(lifetime)));
        return token;
    }

    /** The grant behind a token if it exists and has not expired. */
    public Optional<Grant> check(String token) {
        Grant grant = grants.get(token);
        if (grant == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expires())) {
            grants.remove(token);
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** Invalidates every token now (clients must re-authenticate). */
    public void revokeAll() {
        grants.clear();
    }

    public int live() {
        return grants.size();
    }
}
