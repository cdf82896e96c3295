package dev.prebreak.sim.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests answered, per endpoint template and status; status 0 counts dropped connections. What
 * benchmarks read to report API calls per endpoint and 429s.
 */
public final class RequestStats {
    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();

    void record(String endpoint, int status) {
        counts.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** Endpoint -> status -> count, sorted. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> out = new TreeMap<>();
        counts.forEach((endpoint, byStatus) -> {
            Map<Integer, Long> m = new TreeMap<>();
            byStatus.forEach((status, n) -> m.put(status, n.sum()));
            out.put(endpoint, m);
        });
        return out;
    }

    public long count(String endpoint) {
        Map<Integer, LongAdder> byStatus = counts.get(endpoint);
        return byStatus == null ? 0 : byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String endpoint, int status) {
        Map<Integer, LongAdder> byStatus = counts.get(endpoint);
        LongAdder n = byStatus == null ? null : byStatus.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Requests with this status over all endpoints. */
    public long countStatus(int status) {
        return counts.values().stream().map(m -> m.get(status)).filter(n -> n != null).mapToLong(LongAdder::sum).sum();
    }

    public long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        counts.clear();
    }
}
