package dev.prebreak.core.plan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one tick should do: the presence changes in the order to apply them, every skip with its reason,
 * and bookkeeping for the state store.
 *
 * @param settledClaims claims of unfinished or uncertain writes, settled from the agents' presence
 */
public record Plan(String businessUnitId, Instant now, List<Action> actions, List<Skip> skips,
                   List<RecordChange> recordChanges, Set<String> unknownActivityCodes, List<ClaimSettlement> settledClaims) {
    public Plan {
        settledClaims = List.copyOf(settledClaims);
        actions = List.copyOf(actions);
        skips = List.copyOf(skips);
        recordChanges = List.copyOf(recordChanges);
        unknownActivityCodes = Set.copyOf(unknownActivityCodes);
    }

    public Map<SkipReason, Integer> skipCounts() {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        skips.forEach(s -> counts.merge(s.reason(), 1, Integer::sum));
        return counts;
    }

    public Map<ActionKind, Integer> actionCounts() {
        Map<ActionKind, Integer> counts = new EnumMap<>(ActionKind.class);
        actions.forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
        return counts;
    }
}
