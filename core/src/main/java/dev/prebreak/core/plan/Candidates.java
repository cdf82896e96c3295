package dev.prebreak.core.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.prebreak.core.state.ActivityRecord;

/**
 * The first half of a plan, computed from schedules and the state store alone: which agents need
 * their presence read, and for what. Everything else has already been decided.
 *
 * @param intents per agent, what may be done once their presence is known
 * @param skips decisions that needed no presence (already handled, too short, started)
 * @param recordChanges bookkeeping that needs no presence
 * @param unknownActivityCodes activity code ids seen in schedules but not among the business unit's codes
 * @param staleClaims claims left by a tick that never finished (a crash, an answer that could not be read):
 *        the agent's presence tells whether the write happened
 */
public record Candidates(String businessUnitId, Instant now, Map<String, List<Intent>> intents, List<Skip> skips,
                         List<RecordChange> recordChanges, Set<String> unknownActivityCodes, List<ActivityRecord> staleClaims) {
    public Candidates {
        intents = Map.copyOf(intents);
        staleClaims = List.copyOf(staleClaims);
        skips = List.copyOf(skips);
        recordChanges = List.copyOf(recordChanges);
        unknownActivityCodes = Set.copyOf(unknownActivityCodes);
    }

    /** The agents whose presence the tick must read: only those with something due, or a claim to settle. */
    public Set<String> usersToRead() {
        if (staleClaims.isEmpty()) {
            return intents.keySet();
        }
        Set<String> users = new TreeSet<>(intents.keySet());
        staleClaims.forEach(c -> users.add(c.key().userId()));
        return users;
    }
}
