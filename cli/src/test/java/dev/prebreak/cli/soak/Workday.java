package dev.prebreak.cli.soak;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.SystemPresence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What agents and WFM planners do between ticks, deterministically (one seeded stream, one thread):
 * agents start their break when it starts and come back On Queue when it ends; a few step Away by
 * hand for a while or leave Pre-Break by hand; planners move breaks later or delete them, some of
 * them while the agent already sits in Pre-Break. Every schedule edit is logged with its time, so
 * the soak can tell which reverts were owed.
 */
final class Workday {
    static final String AGENT = "agent-desktop";
    static final String PLANNER = "wfm-planner";

    /** A break or meal moved (newStart set) or deleted (newStart null) at {@code at}. */
    record Edit(String userId, Instant oldStart, Instant newStart, Instant at) {
    }

    private final Org org;
    private final String preBreakId;
    private final Set<String> coveredCodes;
    private final Set<String> mealCodes;
    private final Duration lead;
    private final SplittableRandom random;
    private final List<String> users;
    private final Map<String, Instant> awayUntil = new HashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private Instant last;

    Workday(Org org, String businessUnitId, String preBreakId, Duration lead, long seed, Instant start) {
        this.org = org;
        this.preBreakId = preBreakId;
        this.lead = lead;
        this.random = new SplittableRandom(seed);
        this.users = org.userIdsInBusinessUnit(businessUnitId);
        this.coveredCodes = org.activityCodes(businessUnitId).stream()
                .filter(c -> c.category() == ActivityCategory.Break || c.category() == ActivityCategory.Meal)
                .filter(ActivityCode::active).map(ActivityCode::id).collect(Collectors.toSet());
        this.mealCodes = org.activityCodes(businessUnitId).stream().filter(c -> c.category() == ActivityCategory.Meal)
                .map(ActivityCode::id).collect(Collectors.toSet());
        this.last = start;
    }

    /** Whether the rule (categories Break and Meal) covers this activity. */
    boolean covered(Activity a) {
        return coveredCodes.contains(a.activityCodeId());
    }

    /** The breaks and meals in the user's schedule as it is now. */
    List<Activity> coveredActivities(String userId) {
        List<Activity> out = new ArrayList<>();
        for (Shift s : org.shifts(userId)) {
            for (Activity a : s.activities()) {
                if (covered(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** Everything people do from the last step up to {@code now}. */
    void step(Instant now, int tickIndex) {
        for (String user : users) {
            AgentState state = org.requireState(user);
            for (Activity a : coveredActivities(user)) {
                if (crossed(a.startDate(), now) && state.presence().id().equals(preBreakId)) {
                    // The break begins: the agent takes it.
                    String to = mealCodes.contains(a.activityCodeId()) ? PresenceDefinition.MEAL_ID
                            : PresenceDefinition.BREAK_ID;
                    state = set(user, to);
                }
                if (crossed(a.endDate(), now) && inBreakish(state)) {
                    state = set(user, PresenceDefinition.ON_QUEUE_ID); // back to work
                }
            }
            Instant back = awayUntil.get(user);
            if (back != null && !now.isBefore(back)) {
                awayUntil.remove(user);
                if (state.presence().systemPresence() == SystemPresence.AWAY) {
                    set(user, PresenceDefinition.ON_QUEUE_ID);
                }
            }
        }
        handMoves(now);
        if (tickIndex % 7 == 3) {
            planEdits(now);
        }
        last = now;
    }

    private boolean crossed(Instant at, Instant now) {
        return at.isAfter(last) && !at.isAfter(now);
    }

    private boolean inBreakish(AgentState state) {
        SystemPresence p = state.presence().systemPresence();
        return state.presence().id().equals(preBreakId) || p == SystemPresence.BREAK || p == SystemPresence.MEAL;
    }

    private AgentState set(String user, String presenceId) {
        org.setPresence(user, presenceId, AGENT, "agent desktop");
        return org.requireState(user);
    }

    /** A few agents step Away for 20-40 min; a few leave Pre-Break by hand (prebreak must not fight them). */
    private void handMoves(Instant now) {
        String user = users.get(random.nextInt(users.size()));
        AgentState state = org.requireState(user);
        if (random.nextInt(4) == 0 && state.presence().systemPresence() == SystemPresence.ON_QUEUE) {
            set(user, PresenceDefinition.AWAY_ID);
            awayUntil.put(user, now.plus(Duration.ofMinutes(20 + random.nextInt(21))));
        }
        String other = users.get(random.nextInt(users.size()));
        if (random.nextInt(3) == 0 && org.requireState(other).presence().id().equals(preBreakId)) {
            set(other, PresenceDefinition.ON_QUEUE_ID);
        }
    }

    /**
     * Planner edits: a break well ahead moved later or deleted; and one break of an agent already in
     * Pre-Break (its lead has begun) moved later or deleted, which makes a revert owed. Breaks are only
     * ever moved at least 40 minutes ahead, so that prebreak's periodic schedule refresh (every 5 to
     * 10 minutes) sees the new time before its lead begins.
     */
    private void planEdits(Instant now) {
        List<String> inPreBreak = users.stream()
                .filter(u -> org.requireState(u).presence().id().equals(preBreakId)).toList();
        editOne(now, users, false);
        if (!inPreBreak.isEmpty()) {
            editOne(now, inPreBreak, true);
        }
    }

    private void editOne(Instant now, List<String> pool, boolean inPreBreak) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String user = pool.get(random.nextInt(pool.size()));
            List<Activity> candidates = coveredActivities(user).stream()
                    .filter(a -> inPreBreak
                            ? a.startDate().isAfter(now) && !a.startDate().isAfter(now.plus(lead))
                            : a.startDate().isAfter(now.plus(Duration.ofMinutes(40)))
                                    && a.startDate().isBefore(now.plus(Duration.ofHours(4))))
                    .toList();
            if (candidates.isEmpty() || edited(user, candidates.get(0).startDate())) {
                continue;
            }
            Activity a = candidates.get(0);
            Instant newStart = a.startDate().plus(Duration.ofMinutes(45 + 15 * random.nextInt(3)));
            if (random.nextBoolean()) {
                try {
                    org.moveActivity(user, a.startDate(), newStart);
                    edits.add(new Edit(user, a.startDate(), newStart, now));
                    return;
                } catch (IllegalArgumentException e) {
                    // would leave the shift or overlap another activity: delete it instead
                }
            }
            org.deleteActivity(user, a.startDate());
            edits.add(new Edit(user, a.startDate(), null, now));
            return;
        }
    }

    private boolean edited(String user, Instant start) {
        return edits.stream().anyMatch(e -> e.userId().equals(user)
                && (e.oldStart().equals(start) || start.equals(e.newStart())));
    }

    /** Edits by user, in order. */
    Map<String, List<Edit>> editsByUser() {
        return edits.stream().collect(Collectors.groupingBy(Edit::userId, TreeMap::new, Collectors.toList()));
    }
}
