package dev.prebreak.sim.http;

import java.util.Set;

/**
 * A simulated OAuth client (client-credentials grant) and its role, reduced to the set of permissions
 * the role grants. Division scoping is not modelled: a role covers the whole org.
 */
public record OAuthClient(String id, String secret, Set<String> permissions) {
    public OAuthClient {
        if (id == null || id.isBlank() || secret == null) {
            throw new IllegalArgumentException("an OAuth client needs an id and a secret");
        }
        permissions = Set.copyOf(permissions);
    }
}
