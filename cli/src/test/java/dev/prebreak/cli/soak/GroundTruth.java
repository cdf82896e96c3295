package dev.prebreak.cli.soak;

import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The simulator's presence log, per user, read the way the soak's assertions need it. */
final class GroundTruth {
    private final Map<String, List<PresenceChange>> byUser;
    private final Org org;
    private final String prebreakClient;

    GroundTruth(Org org, String prebreakClient) {
        this.org = org;
        this.prebreakClient = prebreakClient;
        this.byUser = org.presenceLog().all().stream().collect(Collectors.groupingBy(PresenceChange::userId));
    }

    List<PresenceChange> of(String user) {
        return byUser.getOrDefault(user, List.of());
    }

    List<PresenceChange> byPrebreak(String user) {
        return of(user).stream().filter(c -> c.clientId().equals(prebreakClient)).toList();
    }

    List<PresenceChange> byPrebreak() {
        return byUser.values().stream().flatMap(List::stream).filter(c -> c.clientId().equals(prebreakClient)).toList();
    }

    boolean isPrebreak(PresenceChange c) {
        return c.clientId().equals(prebreakClient);
    }

    /**
     * The agent's presence id just before prebreak could act at {@code at}: after every write before
     * {@code at}, and every write by someone else at {@code at} (people act before the tick does).
     */
    String presenceBefore(String user, Instant at) {
        List<PresenceChange> changes = of(user);
        String presence = changes.isEmpty() ? org.requireState(user).presence().id() : changes.get(0).fromPresenceId();
        for (PresenceChange c : changes) {
            boolean before = c.at().isBefore(at) || (c.at().equals(at) && !isPrebreak(c));
            if (!before) {
                break;
            }
            presence = c.toPresenceId();
        }
        return presence;
    }

    /** Whether anyone but prebreak changed the agent's presence in the open window (from, to). */
    boolean othersWroteBetween(String user, Instant from, Instant to) {
        return of(user).stream().anyMatch(c -> !isPrebreak(c) && c.at().isAfter(from) && c.at().isBefore(to));
    }
}
