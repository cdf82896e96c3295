package dev.prebreak.genesys;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.genesys.wire.UserAnswer;
import dev.prebreak.core.presence.WorkInHand;
import dev.prebreak.genesys.wire.UserListing;
import dev.prebreak.genesys.wire.UserWorkListing;
import dev.prebreak.genesys.wire.Wire;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence and routing status of the given agents.
 *
 * <p>Read with {@code GET /api/v2/users?id=..&expand=presence,routingStatus,conversationSummary}: one call
 * answers both for a whole batch, and the interactions each agent holds per media too (for rules with
 * an adaptive lead). The alternative, the bulk presence read ({@code /users/presences/purecloud/bulk},
 * 50 ids), carries no routing status, and routing status has no bulk read of its own, so it would
 * cost one more call per agent. The expands are best effort: a part Genesys leaves out stays unknown
 * (null) in the agent state, which the planner never takes as eligible.
 */
final class AgentStates {
    private static final int MAX_PAGES = 1000;

    private final PlatformApi api;
    private final int batchSize;
    private final AgentNames names;

    /** @param names keeps the names the answers carry, so that reports name agents without another call */
    AgentStates(PlatformApi api, int batchSize, AgentNames names) {
        this.api = api;
        this.batchSize = batchSize;
        this.names = names;
    }

    Map<String, AgentState> read(Collection<String> userIds, Instant deadline) {
        Map<String, AgentState> states = new LinkedHashMap<>();
        for (List<String> batch : Batches.of(Batches.distinct(userIds), batchSize)) {
            Set<String> wanted = new HashSet<>(batch);
            StringBuilder ids = new StringBuilder();
            for (String id : batch) {
                ids.append("&id=").append(PlatformApi.segment(id));
            }
            // One page normally holds the whole batch; follow pageCount in case the API pages smaller.
            for (int page = 1; page <= MAX_PAGES; page++) {
                String path = "/api/v2/users?pageSize=" + batch.size() + "&pageNumber=" + page
                        + "&expand=presence,routingStatus,conversationSummary" + ids;
                Map<String, WorkInHand> work = new HashMap<>();
                UserListing listing = api.get(path, deadline, body -> {
                    UserListing parsed = Wire.read(body, UserListing.class);
                    parsed.entities().forEach(UserAnswer::toAgentState); // fail on a malformed entity inside the call
                    // The same answer read for the work each agent holds (for adaptive leads; no extra call).
                    for (UserWorkListing.UserWork w : Wire.read(body, UserWorkListing.class).entities()) {
                        WorkInHand held = w.toWork();
                        if (w.id() != null && held != null) {
                            work.put(w.id(), held);
                        }
                    }
                    return parsed;
                });
                for (UserAnswer user : listing.entities()) {
                    AgentState state = user.toAgentState();
                    if (wanted.contains(state.userId())) {
                        WorkInHand held = work.get(state.userId());
                        states.put(state.userId(), held == null ? state : state.withWork(held));
                        names.remember(user);
                    }
                }
                if (listing.pageCount() == null || page >= listing.pageCount() || listing.entities().isEmpty()) {
                    break;
                }
            }
        }
        return states;
    }
}
