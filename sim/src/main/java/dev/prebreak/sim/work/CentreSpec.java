package dev.prebreak.sim.work;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A contact centre's work: its queues, how many interactions of each media an agent may hold at once
 * (utilization), how busy the schedule is planned to keep agents, and how agents behave at breaks.
 *
 * @param capacity maximum interactions per media an agent holds at once; an agent holding one media is
 *        offered no other (Genesys' default utilization lets no media interrupt calls, chats or messages)
 * @param occupancy the share of scheduled On Queue capacity that the arrival curve fills, interval by
 *        interval: arrivals follow the staffing the schedule plans, as a WFM forecast would have it
 * @param forgetShare share of breaks an agent starts late by forgetting, by up to {@code forgetMax}
 * @param lateReturnShare share of breaks an agent comes back from late, by up to {@code lateReturnMax}
 */
public record CentreSpec(String name, List<QueueSpec> queues, Map<Media, Integer> capacity, double occupancy,
                         double forgetShare, Duration forgetMax, double lateReturnShare, Duration lateReturnMax) {
    public CentreSpec {
        Objects.requireNonNull(name, "name");
        queues = List.copyOf(queues);
        capacity = Map.copyOf(capacity);
        double shares = queues.stream().mapToDouble(QueueSpec::workloadShare).sum();
        if (queues.isEmpty() || Math.abs(shares - 1) > 1e-6) {
            throw new IllegalArgumentException("queue workload shares must add up to 1: " + shares);
        }
        if (!(occupancy > 0 && occupancy < 1.5) || forgetShare < 0 || forgetShare > 1 || lateReturnShare < 0 || lateReturnShare > 1) {
            throw new IllegalArgumentException("occupancy in (0, 1.5), shares in [0, 1]");
        }
        for (QueueSpec q : queues) {
            if (capacity.getOrDefault(q.media(), 0) < 1) {
                throw new IllegalArgumentException("no capacity for " + q.media() + " (queue " + q.name() + ")");
            }
        }
    }

    public int capacity(Media media) {
        return capacity.getOrDefault(media, 0);
    }

    /** Genesys' default utilization (Resource Center, 'agent utilization'), with chats and messages up to {@code concurrent}. */
    static Map<Media, Integer> utilization(int concurrent) {
        Map<Media, Integer> m = new EnumMap<>(Media.class);
        m.put(Media.CALL, 1);
        m.put(Media.CALLBACK, 1);
        m.put(Media.EMAIL, 1);
        m.put(Media.CHAT, concurrent);
        m.put(Media.MESSAGE, concurrent);
        return m;
    }

    /** A digital centre: mostly chat and messaging at up to 3 at once, some voice. */
    public static CentreSpec chatHeavy() {
        return new CentreSpec("chat-heavy", List.of(
                new QueueSpec("Chat", Media.CHAT, 0.65, Duration.ofMinutes(10), Duration.ofMinutes(7),
                        Duration.ofSeconds(30), Duration.ofMinutes(4)),
                new QueueSpec("Messaging", Media.MESSAGE, 0.20, Duration.ofMinutes(14), Duration.ofMinutes(10),
                        Duration.ofSeconds(30), Duration.ofMinutes(15)),
                new QueueSpec("Voice", Media.CALL, 0.15, Duration.ofMinutes(6), Duration.ofMinutes(4),
                        Duration.ofSeconds(45), Duration.ofMinutes(2))),
                utilization(3), 0.80, 0.03, Duration.ofMinutes(5), 0.10, Duration.ofMinutes(5));
    }

    /** A voice centre: calls one at a time, callbacks and emails. */
    public static CentreSpec voiceHeavy() {
        return new CentreSpec("voice-heavy", List.of(
                new QueueSpec("Voice", Media.CALL, 0.75, Duration.ofMinutes(6), Duration.ofMinutes(4),
                        Duration.ofSeconds(60), Duration.ofMinutes(2)),
                new QueueSpec("Callback", Media.CALLBACK, 0.10, Duration.ofMinutes(5), Duration.ofMinutes(3),
                        Duration.ofSeconds(60), Duration.ZERO),
                new QueueSpec("Email", Media.EMAIL, 0.15, Duration.ofMinutes(8), Duration.ofMinutes(6),
                        Duration.ofSeconds(30), Duration.ZERO)),
                utilization(1), 0.80, 0.03, Duration.ofMinutes(5), 0.10, Duration.ofMinutes(5));
    }
}
