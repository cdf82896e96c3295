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

/**
 * Bulk presence writes in batches, with every user's outcome checked against the answer: the API
 * answers the presences it set, so a user missing from it, or shown in another presence, was not set.
 * A batch that fails after its retries fails its users only (uncertain: it may have been applied);
 * the other batches still go.
 */
final class PresenceWrites {
    private static final System.Logger LOG = System.getLogger(PresenceWrites.class.getName());
    private static final String PATH = "/api/v2/users/presences/bulk";

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
        Map<String, UserPresenceAnswer> byUser = new HashMap<>();
        for (UserPresenceAnswer answer : answers) {
            if (answer != null && answer.user() != null) {
                byUser.put(answer.user(), answer);
            }
        }
        List<PresenceWriteOutcome> outcomes = new ArrayList<>(batch.size());
        for (PresenceChange change : batch) {
            UserPresenceAnswer answer = byUser.get(change.userId());
            String wanted = change.target().id();
            if (answer == null) {
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
}
