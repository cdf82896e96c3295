package dev.prebreak.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reference data that changes rarely (activity codes, presence definitions), kept for a while so
 * that a tick does not re-read it every minute. A failed load caches nothing.
 */
final class ReferenceCache<V> {
    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry<V>> entries = new HashMap<>();

    ReferenceCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    V get(String key, Supplier<V> load) {
        Instant now = clock.instant();
        synchronized (this) {
            Entry<V> entry = entries.get(key);
            if (entry != null && now.isBefore(entry.loadedAt().plus(ttl))) {
                return entry.value();
            }
        }
        // Loaded outside the lock: a slow Genesys call must not block readers of other keys.
        V value = load.get();
        synchronized (this) {
            entries.put(key, new Entry<>(value, now));
        }
        return value;
    }
}
