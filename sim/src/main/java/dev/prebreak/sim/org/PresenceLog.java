package dev.prebreak.sim.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Append-only ground-truth log of presence writes, in the order they happened. */
public final class PresenceLog {
    private final List<PresenceChange> changes = new ArrayList<>();

    synchronized PresenceChange append(String userId, PresenceDefinition from, PresenceDefinition to, Instant at,
                                       String clientId, String endpoint) {
        PresenceChange change = new PresenceChange(changes.size() + 1L, userId, from.id(), from.systemPresence(),
                to.id(), to.systemPresence(), at, clientId, endpoint);
        changes.add(change);
        return change;
    }

    public synchronized List<PresenceChange> all() {
        return List.copyOf(changes);
    }

    /** Changes at or after {@code since} (sim time). */
    public synchronized List<PresenceChange> since(Instant since) {
        return changes.stream().filter(c -> !c.at().isBefore(since)).toList();
    }

    /** Changes with a sequence number greater than {@code sequence}; handy for polling. */
    public synchronized List<PresenceChange> after(long sequence) {
        int from = (int) Math.min(Math.max(sequence, 0), changes.size());
        return List.copyOf(changes.subList(from, changes.size()));
    }

    public synchronized List<PresenceChange> forUser(String userId) {
        return changes.stream().filter(c -> c.userId().equals(userId)).toList();
    }

    public synchronized int size() {
        return changes.size();
    }

    public synchronized void clear() {
        changes.clear();
    }
}
