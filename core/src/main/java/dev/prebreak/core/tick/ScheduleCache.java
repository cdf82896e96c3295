package dev.prebreak.core.tick;

import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schedules of one business unit's agents, kept between ticks so that a tick reads only a slice
 * of them: API calls then grow with the agents whose breaks are due, not with the size of the org.
 * Each agent's next refresh falls somewhere in the second half of the refresh interval (by a hash of
 * the id), so refreshes spread over ticks instead of all landing on one. Reads in flight put their
 * answers concurrently, hence the locking.
 */
final class ScheduleCache {
    private record Entry(AgentSchedule schedule, Instant fetchedAt, Instant refreshAt, Instant coveredUntil) {
    }

    private final Map<String, Entry> byUser = new HashMap<>();

    /**
     * Agents to read now, most needed first: never read (those prebreak owes a revert before the rest),
     * then not covered far enough ahead, then due for their periodic refresh, oldest first.
     *
     * @param owed agents with open records: their schedule decides whether a revert is owed
     * @param neededUntil how far ahead the planner must see this tick
     */
    synchronized List<String> stale(Collection<String> members, Set<String> owed, Instant now, Instant neededUntil) {
        List<String> unread = new ArrayList<>();
        List<String> unreadOwed = new ArrayList<>();
        List<String> shortSighted = new ArrayList<>();
        List<Entry> due = new ArrayList<>();
        for (String user : members) {
            Entry e = byUser.get(user);
            if (e == null) {
                (owed.contains(user) ? unreadOwed : unread).add(user);
            } else if (e.coveredUntil().isBefore(neededUntil)) {
                shortSighted.add(user);
            } else if (!now.isBefore(e.refreshAt())) {
                due.add(e);
            }
        }
        due.sort(java.util.Comparator.comparing(Entry::refreshAt));
        List<String> stale = new ArrayList<>(unreadOwed);
        stale.addAll(unread);
        stale.addAll(shortSighted);
        due.forEach(e -> stale.add(e.schedule().userId()));
        return stale;
    }

    /** Whether the agent's schedule has been read (an empty schedule counts: it is known to be empty). */
    synchronized boolean knows(String user) {
        return byUser.containsKey(user);
    }

    /** Agents among {@code users} whose schedule was read before {@code since}. */
    synchronized List<String> readBefore(Collection<String> users, Instant since) {
        List<String> old = new ArrayList<>();
        for (String user : users) {
            Entry e = byUser.get(user);
            if (e == null || e.fetchedAt().isBefore(since)) {
                old.add(user);
            }
        }
        return old;
    }

    /**
     * Stores what a search answered; requested agents missing from the answer have no schedule in
     * the window, which is knowledge too (a deleted break must be seen as deleted).
     */
    synchronized void put(Collection<String> requested, List<AgentSchedule> answered, Instant now, Duration refresh, Instant coveredUntil) {
        Map<String, List<dev.prebreak.core.schedule.Activity>> merged = new HashMap<>();
        for (String user : requested) {
            merged.put(user, new ArrayList<>());
        }
        for (AgentSchedule s : answered) {
            merged.computeIfAbsent(s.userId(), u -> new ArrayList<>()).addAll(s.activities());
        }
        merged.forEach((user, activities) -> {
            long spread = refresh.toMillis() / 2 + Math.floorMod(user.hashCode(), Math.max(1, refresh.toMillis() / 2));
            byUser.put(user, new Entry(new AgentSchedule(user, activities), now, now.plusMillis(spread), coveredUntil));
        });
    }

    synchronized List<AgentSchedule> schedules(Collection<String> users) {
        List<AgentSchedule> found = new ArrayList<>(users.size());
        for (String user : users) {
            Entry e = byUser.get(user);
            if (e != null) {
                found.add(e.schedule());
            }
        }
        return found;
    }

    /** Drops agents who left the unit. */
    synchronized void retain(Set<String> members) {
        byUser.keySet().retainAll(members);
    }

    synchronized int size() {
        return byUser.size();
    }
}
