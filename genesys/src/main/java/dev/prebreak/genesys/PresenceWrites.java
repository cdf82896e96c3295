package dev.prebreak.genesys;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.http.ApiFailure;
import dev.prebreak.genesys.http.RequestNotSent;
import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.genesys.wire.PresenceWrite;
import dev.prebreak.genesys.wire.UserPresenceAnswer;
import dev.prebreak.genesys.wire.Wire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bulk presence writes in batches, with every user's outcome checked against the answer: the API
 * answers the presences it set, so a user missing from it, or shown in another presence, was not set.
 * A batch that fails after its retries fails its users only (uncertain: it may have been applied);
 * the other batches still go.
 *
 * <p>Who an answer's {@code UserPresence.id} is, is not documented: the user's id in practice (and in
 * the simulator), but the model calls it the object's id. When the answer carries ids that are none of
 * the batch's users, it cannot be read by id, so the users it did not name are read back
 * ({@code GET /api/v2/users/presences/purecloud/bulk}, which answers {@code userId}, needs no permission)
 * and confirmed from their presence now; a user not in the target presence stays uncertain, settled
 * later as any uncertain write.
 */
final class PresenceWrites {
    private static final System.Logger LOG = System.getLogger(PresenceWrites.class.getName());
    private static final String PATH = "/api/v2/users/presences/bulk";
    private static final String READ_BACK = "/api/v2/users/presences/purecloud/bulk";

    private final PlatformApi api;
    private final int batchSize;

    PresenceWrites(PlatformApi api, int batchSize) {
        this.api = api;
        this.batchSize = batchSize;
    }

    List<PresenceWriteOutcome> write(List<PresenceChange> changes, Instant deadline) {
        List<PresenceWriteOutcome> outcomes = new ArrayList<>(changes.size());
        for (List<PresenceChange> batch : Batches.of(changes, batchSize)) {
            outcomes.addAll(writeBatch(batch, deadline));
        }
        return outcomes;
    }

    private List<PresenceWriteOutcome> writeBatch(List<PresenceChange> batch, Instant deadline) {
        List<PresenceWrite> body = batch.stream()
                .map(c -> PresenceWrite.purecloud(c.userId(), c.target().id())).toList();
        List<UserPresenceAnswer> answers;
        try {
            answers = api.change("PUT", PATH, body, deadline, bytes -> Wire.readList(bytes, UserPresenceAnswer.class));
        } catch (GatewayException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "a batch of " + batch.size() + " presence writes failed: "
                    + e.getMessage());
            if (e instanceof RequestNotSent || (e instanceof ApiFailure && ((ApiFailure) e).notApplied())) {
                return batch.stream().map(c -> PresenceWriteOutcome.failed(c.userId(), e.getMessage())).toList();
            }
            // The batch may have reached Genesys before it failed: say so, so the caller checks before writing again.
            return batch.stream().map(c -> PresenceWriteOutcome.uncertain(c.userId(), e.getMessage())).toList();
        }
        Set<String> users = batch.stream().map(PresenceChange::userId).collect(Collectors.toSet());
        Map<String, UserPresenceAnswer> byUser = new HashMap<>();
        boolean ambiguous = false;
        for (UserPresenceAnswer answer : answers) {
            if (answer != null && answer.user() != null) {
                if (users.contains(answer.user())) {
                    byUser.put(answer.user(), answer);
                } else {
                    ambiguous = true;
                }
            }
        }
        Map<String, UserPresenceAnswer> readBack = Map.of();
        if (ambiguous) {
            List<String> unnamed = users.stream().filter(u -> !byUser.containsKey(u)).sorted().toList();
            LOG.log(System.Logger.Level.DEBUG, () -> "PUT " + PATH + " answered ids that are none of its users: reading "
                    + unnamed.size() + " presences back");
            readBack = readBack(unnamed, deadline);
        }
        List<PresenceWriteOutcome> outcomes = new ArrayList<>(batch.size());
        for (PresenceChange change : batch) {
            UserPresenceAnswer answer = byUser.get(change.userId());
            String wanted = change.target().id();
            UserPresenceAnswer now = readBack.get(change.userId());
            if (answer == null && now != null && now.presenceDefinition() != null
                    && wanted.equals(now.presenceDefinition().id())) {
                outcomes.add(PresenceWriteOutcome.applied(change.userId()));
            } else if (answer == null) {
                // Genesys took the batch; whether it set this agent is not said, so it must be checked.
                outcomes.add(PresenceWriteOutcome.uncertain(change.userId(), "PUT " + PATH
                        + " did not answer for this user, so the presence was not confirmed"));
            } else if (answer.presenceDefinition() == null || !wanted.equals(answer.presenceDefinition().id())) {
                String got = answer.presenceDefinition() == null ? "no presence" : "presence " + answer.presenceDefinition().id();
                outcomes.add(PresenceWriteOutcome.failed(change.userId(), "PUT " + PATH + " answered " + got
                        + " for this user instead of " + change.target()));
            } else {
                outcomes.add(PresenceWriteOutcome.applied(change.userId()));
            }
        }
        return outcomes;
    }

    /** The presences of {@code users} now, by user; empty (so uncertain) if they cannot be read. */
    private Map<String, UserPresenceAnswer> readBack(List<String> users, Instant deadline) {
        Map<String, UserPresenceAnswer> byUser = new HashMap<>();
        if (users.isEmpty()) {
            return byUser;
        }
        StringBuilder path = new StringBuilder(READ_BACK);
        for (int i = 0; i < users.size(); i++) {
            path.append(i == 0 ? "?id=" : "&id=").append(PlatformApi.segment(users.get(i)));
        }
        try {
            List<UserPresenceAnswer> read = api.get(path.toString(), deadline,
                    bytes -> Wire.readList(bytes, UserPresenceAnswer.class));
            for (UserPresenceAnswer answer : read) {
                // Only userId says whose presence this is here; an answer without it confirms nothing.
                if (answer != null && answer.userId() != null && users.contains(answer.userId())) {
                    byUser.put(answer.userId(), answer);
                }
            }
        } catch (GatewayException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "could not read back " + users.size()
                    + " presences after an ambiguous bulk write answer: " + e.getMessage());
        }
        return byUser;
    }
}
