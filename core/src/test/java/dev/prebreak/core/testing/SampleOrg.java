package dev.prebreak.core.testing;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.ActivityCodes;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A small org for planner tests: the system presences, a Pre-Break, default and custom activity codes. */
public final class SampleOrg {
    public static final String BU = "bu-1";

    public static final PresenceDefinition ON_QUEUE = system("e08eaf1b-ee47-4fa9-a231-1200e284798f", "On Queue", SystemPresence.ON_QUEUE);
    public static final PresenceDefinition AVAILABLE = system("6a3af858-942f-489d-9700-5f9bcdcdae9b", "Available", SystemPresence.AVAILABLE);
    public static final PresenceDefinition BREAK = system("227b37e2-f1d0-4dd0-8f50-badd7cf6d158", "Break", SystemPresence.BREAK);
    public static final PresenceDefinition MEAL = system("3fd96123-badb-4f69-bc03-1b1ccc6d8014", "Meal", SystemPresence.MEAL);
    public static final PresenceDefinition PRE_BREAK =
            new PresenceDefinition("7d3b1c55-0000-4000-8000-00000000b4e4", "Pre-Break", SystemPresence.BREAK, false, false);
    public static final PresenceCatalog PRESENCES = PresenceCatalog.of(List.of(ON_QUEUE, AVAILABLE, BREAK, MEAL, PRE_BREAK,
            new PresenceDefinition("old-1", "Old Pre-Break", SystemPresence.BREAK, false, true)));

    public static final ActivityCode WORK = new ActivityCode("0", "", ActivityCategory.ON_QUEUE_WORK, true);
    public static final ActivityCode BREAK_CODE = new ActivityCode("1", "", ActivityCategory.BREAK, true);
    public static final ActivityCode MEAL_CODE = new ActivityCode("2", "", ActivityCategory.MEAL, true);
    public static final ActivityCode MEETING_CODE = new ActivityCode("3", "", ActivityCategory.MEETING, true);
    public static final ActivityCode COFFEE = new ActivityCode("5f1c7c1e-8d8a-4a0e-9a51-3c2b7d9e0a11", "Coffee break", ActivityCategory.BREAK, true);
    public static final ActivityCode RETIRED_BREAK = new ActivityCode("9b2e6a0c-1d4f-4c3a-8e7b-5a6d9c0f1e22", "Old break", ActivityCategory.BREAK, false);
    public static final ActivityCode COACHING = new ActivityCode("c0ac4106-2b1d-4e8f-9a3c-7d5e6f8a9b33", "Coaching", ActivityCategory.MEETING, true);
    public static final ActivityCodes CODES = ActivityCodes.of(WORK, BREAK_CODE, MEAL_CODE, MEETING_CODE, COFFEE, RETIRED_BREAK, COACHING);

    public static final Duration TICK = Duration.ofSeconds(60);

    private SampleOrg() {
    }

    private static PresenceDefinition system(String id, String label, SystemPresence presence) {
        return new PresenceDefinition(id, label, presence, true, false);
    }

    /** Breaks and meals, 15 minutes ahead, to Pre-Break, reverting. */
    public static Rule breaksAndMeals() {
        return rule("breaks", Set.of(ActivityCategory.BREAK, ActivityCategory.MEAL), Set.of(), Duration.ofMinutes(15));
    }

    public static Rule rule(String name, Set<ActivityCategory> categories, Set<String> codes, Duration lead) {
        return new Rule(name, categories, codes, lead, PRE_BREAK, Set.of(RoutingStatus.IDLE, RoutingStatus.INTERACTING),
                Optional.empty(), true, Duration.ZERO);
    }

    public static Rule withAtStart(Rule r, PresenceDefinition atStart) {
        return new Rule(r.name(), r.categories(), r.activityCodes(), r.lead(), r.presence(), r.eligibleRoutingStatuses(),
                Optional.of(atStart), r.revertWhenCancelled(), r.minimumActivityLength());
    }

    public static Rule withoutRevert(Rule r) {
        return new Rule(r.name(), r.categories(), r.activityCodes(), r.lead(), r.presence(), r.eligibleRoutingStatuses(),
                r.atStartPresence(), false, r.minimumActivityLength());
    }

    public static Rule withMinimumLength(Rule r, Duration minimum) {
        return new Rule(r.name(), r.categories(), r.activityCodes(), r.lead(), r.presence(), r.eligibleRoutingStatuses(),
                r.atStartPresence(), r.revertWhenCancelled(), minimum);
    }

    public static Activity activity(ActivityCode code, Instant start, int minutes) {
        return new Activity(code.id(), start, Duration.ofMinutes(minutes));
    }

    public static AgentSchedule schedule(String user, Activity... activities) {
        return new AgentSchedule(user, List.of(activities));
    }

    public static AgentState onQueue(String user, RoutingStatus routing) {
        return new AgentState(user, ON_QUEUE.id(), SystemPresence.ON_QUEUE, routing);
    }

    public static AgentState idle(String user) {
        return onQueue(user, RoutingStatus.IDLE);
    }

    public static AgentState in(String user, PresenceDefinition presence) {
        return new AgentState(user, presence.id(), presence.systemPresence(), RoutingStatus.OFF_QUEUE);
    }

    /** The same state, with the time the agent's presence last changed. */
    public static AgentState changedAt(AgentState state, Instant at) {
        return new AgentState(state.userId(), state.presenceId(), state.systemPresence(), state.routingStatus(), at);
    }
}
