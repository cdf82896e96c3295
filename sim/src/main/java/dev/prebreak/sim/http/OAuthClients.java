package dev.prebreak.sim.http;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients the simulated org has. Roles are looked up on every call, so a test can take a
 * permission away from a client whose token is already issued, as an admin editing the role would.
 */
public final class OAuthClients {
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();

    public OAuthClients(Collection<OAuthClient> initial) {
        initial.forEach(this::put);
    }

    /** Adds a client or replaces the one with the same id. */
    public void put(OAuthClient client) {
        clients.put(client.id(), client);
    }

    /** Replaces the role of an existing client. */
    public void setPermissions(String clientId, Collection<String> permissions) {
        OAuthClient client = find(clientId).orElseThrow(() -> new IllegalArgumentException("no OAuth client " + clientId));
        put(new OAuthClient(client.id(), client.secret(), Set.copyOf(permissions)));
    }

    public Optional<OAuthClient> find(String clientId) {
        return Optional.ofNullable(clientId == null ? null : clients.get(clientId));
    }

    /** What the client may do now; nothing for a client that no longer exists. */
    public Set<String> permissions(String clientId) {
        return find(clientId).map(OAuthClient::permissions).orElse(Set.of());
    }

    public List<OAuthClient> all() {
        return clients.values().stream().sorted(java.util.Comparator.comparing(OAuthClient::id)).toList();
    }
}
