package dev.prebreak.core.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A state store for one process: the demo, tests, and one-shot runs. Thread-safe. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentMap<ActivityKey, ActivityRecord> records = new ConcurrentHashMap<>();

    @Override
    public List<ActivityRecord> records(String businessUnitId, Instant endingAfter) {
        List<ActivityRecord> found = new ArrayList<>();
        for (ActivityRecord r : records.values()) {
            if (r.key().businessUnitId().equals(businessUnitId) && !r.activityEnd().isBefore(endingAfter)) {
                found.add(r);
            }
        }
        found.sort((a, b) -> a.key().compareTo(b.key()));
        return found;
    }

    @Override
    public boolean insert(ActivityRecord record) {
        return records.putIfAbsent(record.key(), record) == null;
    }

    @Override
    public boolean replace(ActivityRecord current, ActivityRecord next) {
        boolean[] replaced = {false};
        records.computeIfPresent(next.key(), (k, stored) -> {
            if (sameVersion(stored, current)) {
                replaced[0] = true;
                return next;
            }
            return stored;
        });
        return replaced[0];
    }

    @Override
    public boolean remove(ActivityRecord current) {
        boolean[] removed = {false};
        records.computeIfPresent(current.key(), (k, stored) -> {
            if (sameVersion(stored, current)) {
                removed[0] = true;
                return null;
            }
            return stored;
        });
        return removed[0];
    }

    /** Whether {@code stored} is still the record a caller read as {@code expected}. */
    static boolean sameVersion(ActivityRecord stored, ActivityRecord expected) {
        return stored.status() == expected.status() && stored.updatedAt().equals(expected.updatedAt());
    }

    /** Forgets records whose activity ended before {@code before}, as a TTL would. */
    public int expire(Instant before) {
        int size = records.size();
        records.values().removeIf(r -> r.activityEnd().isBefore(before));
        return size - records.size();
    }

    /** The record for {@code key}, if any. */
    public java.util.Optional<ActivityRecord> find(ActivityKey key) {
        return java.util.Optional.ofNullable(records.get(key));
    }

    /** Writes a record whatever is there: for replaying a journal, not for ticks. */
    void put(ActivityRecord record) {
        records.put(record.key(), record);
    }

    /** Deletes a record whatever its status: for replaying a journal, not for ticks. */
    void delete(ActivityKey key) {
        records.remove(key);
    }

    /** Every record, in no particular order. */
    public void forEach(java.util.function.Consumer<ActivityRecord> action) {
        records.values().forEach(action);
    }

    public int size() {
        return records.size();
    }
}
