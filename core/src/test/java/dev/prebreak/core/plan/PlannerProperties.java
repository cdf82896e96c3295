package dev.prebreak.core.plan;

import static dev.prebreak.core.testing.SampleOrg.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import dev.prebreak.core.testing.SeededCases;
import org.junit.jupiter.api.Test;

/**
 * The planner's invariants over random days: random schedules edited during the day, agents who
 * change presence on their own, missed ticks. Each case plays a whole day tick by tick, applying the
 * plan as the engine would, and checks every decision against an independent reading of the inputs.
 *
 * <p>Each agent draws from a random stream of its own, so a failing day shrinks by dropping agents
 * while the others live the same day; the report names the seed and the smallest failing day.
 */
class PlannerProperties {
    static final Instant DAY = Instant.parse("2026-11-24T08:00:00Z"); // never meets a real clock: the planner is pure
    static final Rule BREAKS = withAtStart(breaksAndMeals(), BREAK);
    static final Rule MEETINGS = rule("meetings", Set.of(ActivityCategory.MEETING), Set.of("Coaching"), Duration.ofMinutes(5));
    static final List<Rule> RULES = List.of(BREAKS, MEETINGS);
    static final List<ActivityCode> CODE_POOL = List.of(WORK, BREAK_CODE, MEAL_CODE, MEETING_CODE, COFFEE, RETIRED_BREAK, COACHING);
    static final String UNKNOWN_CODE = "ffffffff-ffff-4fff-8fff-ffffffffffff";
    static final int DAYS = 300;

    @Test
    void everyDecisionHoldsItsInvariants() {
        days(DAYS).check(spec -> new Day(spec, Planning.AS_THE_ENGINE_DOES).play());
    }

    static SeededCases<DaySpec> days(int tries) {
        return SeededCases.of(tries, DaySpec::random, DaySpec::smaller);
    }

    /**
     * One day to play: which agents live it (each agent's day follows from the seed and its number) and
     * the share of ticks that are missed.
     */
    record DaySpec(long seed, List<Integer> agents, int missedTickPercent) {
        static DaySpec random(long seed) {
            Random random = new Random(seed);
            int agents = 1 + random.nextInt(8);
            return new DaySpec(seed, IntStream.range(0, agents).boxed().collect(Collectors.toList()), random.nextInt(31));
        }

        /** The same day without one of its agents, or without missed ticks. */
        Stream<DaySpec> smaller() {
            Stream<DaySpec> fewerAgents = agents.size() < 2 ? Stream.empty() : agents.stream().map(drop -> new DaySpec(seed,
                    agents.stream().filter(a -> !a.equals(drop)).collect(Collectors.toList()), missedTickPercent));
            Stream<DaySpec> noMissedTicks = missedTickPercent == 0 ? Stream.empty() : Stream.of(new DaySpec(seed, agents, 0));
            return Stream.concat(fewerAgents, noMissedTicks);
        }
    }

    /** How a tick turns the world into a plan; the engine's way, or a planted bug to prove the checks can fail. */
    @FunctionalInterface
    interface Planning {
        Plan plan(Planner planner, Instant now, List<AgentSchedule> schedules, List<ActivityRecord> records,
                  Function<Set<String>, Map<String, AgentState>> readStates);

        Planning AS_THE_ENGINE_DOES = (planner, now, schedules, records, readStates) -> {
            Candidates candidates = planner.candidates(BU, now, schedules, records);
            // Presence is read for candidates only: decide must not need anyone else's.
            return planner.decide(candidates, readStates.apply(candidates.usersToRead()), Integer.MAX_VALUE);
        };
    }

    /** One simulated day: the world, the store, and the checks. */
    static final class Day {
        final DaySpec spec;
        final Planning planning;
        final Random ticks;
        final Map<String, Random> randoms = new TreeMap<>();
        final Map<String, List<Activity>> schedules = new TreeMap<>();
        final Map<String, AgentState> states = new TreeMap<>();
        final String initialWorld;
        final InMemoryStateStore store = new InMemoryStateStore();
        final Planner planner = new Planner(RULES, CODES, ON_QUEUE, TICK);
        final Set<ActivityKey> preBreakActions = new HashSet<>();
        final Set<String> movedByPrebreak = new HashSet<>();

        Day(DaySpec spec, Planning planning) {
            this.spec = spec;
            this.planning = planning;
            this.ticks = new Random(~spec.seed());
            for (int agent : spec.agents()) {
                String user = "agent-" + agent;
                Random random = new Random(spec.seed() * 0x9E3779B97F4A7C15L + agent + 1);
                randoms.put(user, random);
                List<Activity> activities = new ArrayList<>();
                int count = random.nextInt(6);
                for (int j = 0; j < count; j++) {
                    activities.add(randomActivity(random));
                }
                if (random.nextInt(4) == 0 && !activities.isEmpty()) {
                    activities.add(activities.get(0)); // a duplicate from an overlapping shift
                }
                schedules.put(user, activities);
                states.put(user, randomState(user, random));
            }
            initialWorld = describe();
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            schedules.forEach((user, activities) -> text.append(String.format("  %s %s: %s%n", user, states.get(user), activities)));
            return text.toString();
        }

        static Activity randomActivity(Random random) {
            String code = random.nextInt(15) == 0 ? UNKNOWN_CODE : CODE_POOL.get(random.nextInt(CODE_POOL.size())).id();
            Instant start = DAY.plusSeconds(60L * (20 + random.nextInt(300)) + (random.nextBoolean() ? 0 : random.nextInt(60)));
            return new Activity(code, start, Duration.ofMinutes(5 + random.nextInt(56)));
        }

        static AgentState randomState(String user, Random random) {
            switch (random.nextInt(9)) {
                case 0: return new AgentState(user, AVAILABLE.id(), SystemPresence.AVAILABLE, RoutingStatus.OFF_QUEUE);
                case 1: return onQueue(user, RoutingStatus.NOT_RESPONDING);
                case 2: return new AgentState(user, ON_QUEUE.id(), SystemPresence.ON_QUEUE, null);
                case 3: return null; // unreadable
                case 4: return onQueue(user, RoutingStatus.INTERACTING);
                default: return idle(user);
            }
        }

        void play() {
            Instant now = DAY;
            try {
                for (; now.isBefore(DAY.plus(Duration.ofHours(7))); now = now.plus(TICK)) {
                    worldMoves(now);
                    if (ticks.nextInt(100) < spec.missedTickPercent()) {
                        continue;
                    }
                    tick(now);
                }
            } catch (AssertionError e) {
                throw new AssertionError(String.format("at %s: %s%nthe day began with:%n%s", now, e.getMessage(), initialWorld), e);
            }
        }

        /** Between ticks, agents change presence and planners edit schedules. */
        void worldMoves(Instant now) {
            for (String user : schedules.keySet()) {
                Random random = randoms.get(user);
                if (random.nextInt(20) == 0) {
                    states.put(user, randomState(user, random));
                }
                List<Activity> activities = schedules.get(user);
                if (!activities.isEmpty() && random.nextInt(60) == 0) {
                    int i = random.nextInt(activities.size());
                    Activity a = activities.remove(i);
                    if (random.nextBoolean()) {
                        activities.add(new Activity(a.activityCodeId(), a.start().plusSeconds(60L * (random.nextInt(90) - 30)), a.length()));
                    }
                }
            }
        }

        void tick(Instant now) {
            List<ActivityRecord> records = store.records(BU, now);
            List<AgentSchedule> scheduleList = schedules.entrySet().stream()
                    .map(e -> new AgentSchedule(e.getKey(), e.getValue())).collect(Collectors.toList());
            Plan plan = planning.plan(planner, now, scheduleList, records, users -> {
                Map<String, AgentState> read = new HashMap<>();
                for (String user : users) {
                    if (states.get(user) != null) {
                        read.put(user, states.get(user));
                    }
                }
                return read;
            });

            checkEveryAction(now, plan, records);
            checkNoEligibleAgentIsForgotten(now, plan, records);
            apply(now, plan);
        }

        void checkEveryAction(Instant now, Plan plan, List<ActivityRecord> records) {
            assertThat(plan.actions().stream().map(Action::userId).distinct().count())
                    .as("one change per agent per tick").isEqualTo(plan.actions().size());
            Map<ActivityKey, ActivityRecord> byKey = records.stream().collect(Collectors.toMap(ActivityRecord::key, r -> r));
            for (Action action : plan.actions()) {
                AgentState state = states.get(action.userId());
                assertThat(state).as("never act on an agent of unknown state").isNotNull();
                switch (action.kind()) {
                    case PRE_BREAK: {
                        Rule rule = rule(action.key());
                        Activity activity = action.activity().orElseThrow();
                        assertThat(state.systemPresence()).as("only On Queue agents").isEqualTo(SystemPresence.ON_QUEUE);
                        assertThat(rule.eligibleRoutingStatuses()).as("only eligible routing").contains(state.routingStatus());
                        assertThat(now).as("never before the trigger time").isAfterOrEqualTo(activity.start().minus(rule.lead()));
                        assertThat(now).as("never once the activity started").isBefore(activity.start());
                        assertThat(preBreakActions.add(action.key())).as("never twice for one activity: " + action.key()).isTrue();
                        assertThat(byKey).as("never for an activity already handled").doesNotContainKey(action.key());
                        break;
                    }
                    default: {
                        ActivityRecord record = byKey.get(action.key());
                        assertThat(movedByPrebreak).as("revert/at-start only for agents prebreak moved").contains(action.userId());
                        assertThat(record).isNotNull();
                        assertThat(record.status()).isEqualTo(RecordStatus.IN_PRE_BREAK);
                        assertThat(state.presenceId()).as("only while still in pre-break").isEqualTo(record.presenceId());
                    }
                }
            }
        }

        /** Every agent On Queue and eligible, with an activity due and unhandled, gets its pre-break now. */
        void checkNoEligibleAgentIsForgotten(Instant now, Plan plan, List<ActivityRecord> records) {
            Set<ActivityKey> handled = records.stream().map(ActivityRecord::key).collect(Collectors.toSet());
            Set<String> withOpenRecords = records.stream().filter(r -> r.status().isOpen()).map(r -> r.key().userId()).collect(Collectors.toSet());
            Set<String> acted = plan.actions().stream().filter(a -> a.kind() == ActionKind.PRE_BREAK).map(Action::userId).collect(Collectors.toSet());
            for (Map.Entry<String, List<Activity>> e : schedules.entrySet()) {
                String user = e.getKey();
                AgentState state = states.get(user);
                if (state == null || state.systemPresence() != SystemPresence.ON_QUEUE || withOpenRecords.contains(user)) {
                    continue;
                }
                for (Activity activity : e.getValue()) {
                    for (Rule rule : RULES) {
                        boolean due = rule.covers(activity, CODES.byId(activity.activityCodeId()).orElse(null))
                                && !now.isBefore(activity.start().minus(rule.lead())) && now.isBefore(activity.start())
                                && !handled.contains(new ActivityKey(BU, user, activity.start(), rule.name()));
                        if (due && state.routingStatus() != null && rule.eligibleRoutingStatuses().contains(state.routingStatus())) {
                            assertThat(acted).as("%s due for %s at %s", user, activity, now).contains(user);
                        }
                    }
                }
            }
        }

        /** Applies the plan as the engine does: claim, write, record; agents in the new presence. */
        void apply(Instant now, Plan plan) {
            for (RecordChange change : plan.recordChanges()) {
                if (change.current().isPresent()) {
                    store.replace(change.current().get(), change.next());
                } else {
                    store.insert(change.next());
                }
            }
            for (Action action : plan.actions()) {
                PresenceDefinition target = action.target();
                states.put(action.userId(), new AgentState(action.userId(), target.id(), target.systemPresence(),
                        target.systemPresence() == SystemPresence.ON_QUEUE ? RoutingStatus.IDLE : RoutingStatus.OFF_QUEUE));
                switch (action.kind()) {
                    case PRE_BREAK:
                        movedByPrebreak.add(action.userId());
                        assertThat(store.insert(new ActivityRecord(action.key(), RecordStatus.IN_PRE_BREAK, target.id(),
                                action.activity().orElseThrow().end(), now))).isTrue();
                        break;
                    case AT_START:
                        store.replace(action.record().orElseThrow(), action.record().orElseThrow().withStatus(RecordStatus.AT_START, now));
                        break;
                    default:
                        store.replace(action.record().orElseThrow(), action.record().orElseThrow().withStatus(RecordStatus.REVERTED, now));
                }
            }
        }

        static Rule rule(ActivityKey key) {
            return RULES.stream().filter(r -> r.name().equals(key.ruleName())).findFirst().orElseThrow();
        }
    }
}
