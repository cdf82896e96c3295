package dev.prebreak.core.presence;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The ACD work an agent holds, as Genesys shows it: per media (call, callback, chat, message, email, ...),
 * how many interactions are connected and how many are in after-call work ({@code conversationSummary}'s
 * {@code contactCenter.active} and {@code acw}), and since when the agent has been interacting
 * ({@code routingStatus.startTime}, null when not known).
 */
public record WorkInHand(Instant interactingSince, Map<String, Integer> active, Map<String, Integer> afterCallWork) {
    public static final WorkInHand NONE = new WorkInHand(null, Map.of(), Map.of());

    public WorkInHand {
        active = Map.copyOf(Objects.requireNonNull(active, "active"));
        afterCallWork = Map.copyOf(Objects.requireNonNull(afterCallWork, "afterCallWork"));
    }

    /** Whether the counts show no interaction at all. */
    public boolean isEmpty() {
        return active.values().stream().allMatch(n -> n == 0) && afterCallWork.values().stream().allMatch(n -> n == 0);
    }
}
