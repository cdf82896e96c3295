package dev.prebreak.bench;

import dev.prebreak.core.plan.Candidates;
import dev.prebreak.core.plan.Plan;
import dev.prebreak.core.plan.Planner;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.ActivityCodes;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Planning one tick for a large business unit: 50,000 agents with two days of schedules (two shifts
 * each of work, two breaks and a meal, plus a meeting now and then), a few thousand records in the
 * state store, and presence for every candidate. Goal: under 200 ms on a 2-core machine.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -DskipTests && java -jar bench/target/prebreak-bench.jar PlannerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PlannerBenchmark {
    static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    static final PresenceDefinition ON_QUEUE = new PresenceDefinition("e08eaf1b-ee47-4fa9-a231-1200e284798f", "On Queue", SystemPresence.ON_QUEUE, true, false);
    static final PresenceDefinition PRE_BREAK = new PresenceDefinition("pre-break", "Pre-Break", SystemPresence.BREAK, false, false);
    static final ActivityCode WORK = new ActivityCode("0", "", ActivityCategory.ON_QUEUE_WORK, true);
    static final ActivityCode BREAK = new ActivityCode("1", "", ActivityCategory.BREAK, true);
    static final ActivityCode MEAL = new ActivityCode("2", "", ActivityCategory.MEAL, true);
    static final ActivityCode MEETING = new ActivityCode("3", "", ActivityCategory.MEETING, true);

    @Param({"50000"})
    public int agents;

    Planner planner;
    Instant now;
    List<AgentSchedule> schedules;
    List<ActivityRecord> records;
    Map<String, AgentState> states;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        Rule breaks = new Rule("breaks", Set.of(ActivityCategory.BREAK, ActivityCategory.MEAL), Set.of(), Duration.ofMinutes(15),
                PRE_BREAK, Set.of(RoutingStatus.IDLE, RoutingStatus.INTERACTING), Optional.empty(), true, Duration.ZERO);
        Rule meetings = new Rule("meetings", Set.of(ActivityCategory.MEETING), Set.of(), Duration.ofMinutes(5),
                PRE_BREAK, Set.of(RoutingStatus.IDLE), Optional.empty(), true, Duration.ZERO);
        planner = new Planner(List.of(breaks, meetings), ActivityCodes.of(WORK, BREAK, MEAL, MEETING), ON_QUEUE, Duration.ofSeconds(60));
        now = DAY.plus(Duration.ofHours(11)).plusSeconds(17);
        schedules = new ArrayList<>(agents);
        records = new ArrayList<>();
        states = new HashMap<>();
        for (int i = 0; i < agents; i++) {
            String user = String.format("%08d-0000-4000-8000-%012d", i, i);
            List<Activity> activities = new ArrayList<>();
            for (int day = 0; day < 2; day++) {
                Instant shift = DAY.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(6 * 60 + random.nextInt(8 * 60)));
                activities.add(new Activity(WORK.id(), shift, Duration.ofHours(2)));
                activities.add(new Activity(BREAK.id(), shift.plus(Duration.ofHours(2)), Duration.ofMinutes(15)));
                activities.add(new Activity(WORK.id(), shift.plus(Duration.ofMinutes(135)), Duration.ofMinutes(105)));
                activities.add(new Activity(MEAL.id(), shift.plus(Duration.ofHours(4)), Duration.ofMinutes(30)));
                activities.add(new Activity(WORK.id(), shift.plus(Duration.ofMinutes(270)), Duration.ofMinutes(90)));
                activities.add(new Activity(BREAK.id(), shift.plus(Duration.ofHours(6)), Duration.ofMinutes(15)));
                activities.add(new Activity(WORK.id(), shift.plus(Duration.ofMinutes(375)), Duration.ofMinutes(105)));
                if (random.nextInt(5) == 0) {
                    activities.add(new Activity(MEETING.id(), shift.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30)));
                }
            }
            schedules.add(new AgentSchedule(user, activities));
            for (Activity a : activities) {
                Instant trigger = a.start().minus(Duration.ofMinutes(15));
                boolean handled = (a.activityCodeId().equals(BREAK.id()) || a.activityCodeId().equals(MEAL.id()))
                        && !trigger.isAfter(now.minus(Duration.ofMinutes(1))) && a.end().isAfter(now);
                if (handled) {
                    records.add(new ActivityRecord(new ActivityKey("bu", user, a.start(), "breaks"), RecordStatus.IN_PRE_BREAK,
                            PRE_BREAK.id(), a.end(), trigger));
                }
            }
            states.put(user, new AgentState(user, ON_QUEUE.id(), SystemPresence.ON_QUEUE,
                    random.nextBoolean() ? RoutingStatus.IDLE : RoutingStatus.INTERACTING));
        }
    }

    /** Both halves: candidates from schedules and records, then decisions with the candidates' presence. */
    @Benchmark
    public Plan planATick() {
        Candidates candidates = planner.candidates("bu", now, schedules, records);
        Map<String, AgentState> read = new HashMap<>();
        for (String user : candidates.usersToRead()) {
            read.put(user, states.get(user));
        }
        return planner.decide(candidates, read, 1000);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(PlannerBenchmark.class.getSimpleName()).build()).run();
    }
}
