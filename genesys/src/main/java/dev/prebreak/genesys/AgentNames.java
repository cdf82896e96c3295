package dev.prebreak.genesys;

import dev.prebreak.genesys.wire.UserAnswer;
import dev.prebreak.genesys.wire.UserListing;
import dev.prebreak.genesys.wire.Wire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' display names, for the people who read reports and audits. Most come free: every presence
 * read ({@link AgentStates}) answers the name too, and it is kept. The rest are read in bulk with
 * {@code GET /api/v2/users?id=..} (the call and permission the presence read already uses), at most
 * {@link #MAX_BATCHES} calls per request for names, so that a first tick with many skips stays within
 * the rate budget; agents left over are named in later ticks. Names are kept for an hour: they rarely
 * change, and a stale one misleads nobody about what prebreak did.
 */
final class AgentNames {
    static final Duration KEEP = Duration.ofHours(1);
    static final int BATCH = 100;
    static final int MAX_BATCHES = 3;

    private record Known(String name, Instant readAt) {
    }

    private final PlatformApi api;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    AgentNames(PlatformApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Keeps the name an answer about the user carried. */
    void remember(UserAnswer user) {
        if (user.id() != null && user.name() != null && !user.name().isBlank()) {
            known.put(user.id(), new Known(user.name(), clock.instant()));
        }
    }

    /** Names of {@code userIds} as far as known or readable now; see the class comment for the bound. */
    Map<String, String> read(Collection<String> userIds, Instant deadline) {
        Instant now = clock.instant();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : Batches.distinct(userIds)) {
            Known k = known.get(id);
            if (k != null && now.isBefore(k.readAt().plus(KEEP))) {
                names.put(id, k.name());
            } else {
                missing.add(id);
            }
        }
        int batches = 0;
        for (List<String> batch : Batches.of(missing, BATCH)) {
            if (batches++ >= MAX_BATCHES) {
                break;
            }
            StringBuilder path = new StringBuilder("/api/v2/users?pageSize=").append(batch.size()).append("&pageNumber=1");
            batch.forEach(id -> path.append("&id=").append(PlatformApi.segment(id)));
            UserListing listing = api.get(path.toString(), deadline, body -> Wire.read(body, UserListing.class));
            for (UserAnswer user : listing.entities()) {
                remember(user);
                if (batch.contains(user.id()) && user.name() != null && !user.name().isBlank()) {
                    names.put(user.id(), user.name());
                }
            }
        }
        return names;
    }
}
