package dev.prebreak.core.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first half of a plan, computed from schedules and the state store alone: which agents need
 * their presence read, and for what. Everything else has already been decided.
 *
 * @param intents per agent, what may be done once their presence is known
 * @param skips decisions that needed no presence (already handled, too short, started)
 * @param recordChanges bookkeeping that needs no presence
 * @param unknownActivityCodes activity code ids seen in schedules but not among the business unit's codes
 */
public record Candidates(String businessUnitId, Instant now, Map<String, List<Intent>> intents, List<Skip> skips,
                         List<RecordChange> recordChanges, Set<String> unknownActivityCodes) {
    public Candidates {
        intents = Map.copyOf(intents);
        skips = List.copyOf(skips);
        recordChanges = List.copyOf(recordChanges);
        unknownActivityCodes = Set.copyOf(unknownActivityCodes);
    }

    /** The agents whose presence the tick must read: only those with something due. */
    public Set<String> usersToRead() {
        return intents.keySet();
    }
}
