package dev.prebreak.cli.e2e;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.NewAgent;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.SystemPresence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A hand-made org in the simulator, on a manual virtual clock, with prebreak's real engine and Genesys
 * client talking HTTP to it. The client's sleeper advances the virtual clock, so retries and backoff
 * cost no real time. Ground truth is the simulator's presence log: every presence write that reached it.
 *
 * <p>All times are on 2026-11-24 in UTC ({@link #at(String)}); the business unit is in London, which is
 * UTC in November, so schedule times read as written.
 */
final class SimulatedOrg implements AutoCloseable {
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final String BUSINESS_UNIT = "8d1f4a52-3c6e-4b7a-9f20-1e5d7c3a9b10";
    static final String MANAGEMENT_UNIT = "2b7e9c14-5a3d-4f8e-8c61-9d0a4e7b2f35";
    static final String DIVISION = "f3a9d2c7-0b14-4e6a-a8d5-6c2e1f9b7a40";

    static final String ON_QUEUE = PresenceDefinition.ON_QUEUE_ID;
    static final String AVAILABLE = PresenceDefinition.AVAILABLE_ID;
    static final String OFFLINE = PresenceDefinition.OFFLINE_ID;
    static final String BREAK = PresenceDefinition.BREAK_ID;
    static final String MEAL = PresenceDefinition.MEAL_ID;
    /** The custom "Pre-Break" presence, a secondary presence under Break, as an admin would create it. */
    static final String PRE_BREAK = "5c0e7a3b-91d4-4f2a-b6e8-3a7d9c1f0e52";
    /** A retired look-alike: resolving "Pre-Break" by name must not pick it. */
    static final String RETIRED_PRE_BREAK = "0d9b6f21-7e3c-4a85-9c4d-8b2e5f1a6c73";

    // Default activity codes have short ids, as Genesys gives them; custom ones are GUIDs.
    static final String WORK_CODE = "0";
    static final String BREAK_CODE = "1";
    static final String MEAL_CODE = "2";
    static final String MEETING_CODE = "3";
    /** A custom Break-category code: the blueprint's hard-coded "1" would miss it. */
    static final String COFFEE_BREAK_CODE = "a4c2e8f1-6b3d-4e9a-8f7c-2d1b5e9a3c60";
    /** A custom Training-category code, for a rule that names codes by id. */
    static final String COACHING_CODE = "e7b1d3a9-4c6f-4a2e-b8d5-9f3c1a7e5b24";
    /** An inactive Break-category code: inactive codes never match. */
    static final String OLD_BREAK_CODE = "3f8a6c2d-1e9b-4d7f-a5c3-7b2e9d4f1a86";

    static final String BREAKS_RULE = String.join("\n",
            "  - name: breaks",
            "    categories: [Break]",
            "    lead: 15m",
            "    presence: Pre-Break");

    final Simulator sim;
    final SimClock clock;
    final Config config;

    /** How the simulator plays what Genesys leaves undocumented, for scenarios started from now on. */
    private static volatile Reading reading = Reading.OVERLAPPING;

    /** Sets the reading of the scenarios that follow (see {@link UnderEachReading}). */
    static void readAs(Reading next) {
        reading = java.util.Objects.requireNonNull(next, "reading");
    }
    final GenesysClient client;
    final InMemoryStateStore store = new InMemoryStateStore();
    final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
    final Engine engine;

    private SimulatedOrg(Simulator sim, Config config) {
        this.sim = sim;
        this.clock = sim.clock();
        this.config = config;
        this.client = GenesysClient.builder()
                .region(config.genesys().region())
                .credentials(sim.clientId(), sim.clientSecret())
                .clock(clock)
                .sleeper(clock::advance)
                .jitterSeed(5)
                .build();
        this.engine = new Engine(config, client, store, audit::add, clock);
    }

    static Builder builder() {
        return new Builder();
    }

    /** An agent's display name, from the id: "agent-ada" is Ada, so that reports show names beside ids. */
    static String nameOf(String userId) {
        String bare = userId.startsWith("agent-") ? userId.substring(6) : userId;
        return bare.isEmpty() ? userId : Character.toUpperCase(bare.charAt(0)) + bare.substring(1);
    }

    /** A time on the test day, "HH:mm" or "HH:mm:ss", UTC. */
    static Instant at(String time) {
        return Instant.parse(DAY + "T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    /** A published shift from {@code start} for {@code minutes}, on-queue work filling around the given activities. */
    static Shift shift(String start, int minutes, Activity... nonWork) {
        Instant from = at(start);
        return new Shift("shift-" + start.replace(":", "") + "-" + minutes, from, minutes,
                Shift.tile(from, minutes, List.of(nonWork), WORK_CODE), false,
                "c8e2a6f4-9b1d-4c3e-a7f5-1d9b3e6c2a84", LocalDate.of(2026, 11, 23));
    }

    /** A 15-minute break with the default Break code. */
    static Activity breakAt(String start) {
        return activity(start, 15, BREAK_CODE, "Break");
    }

    static Activity mealAt(String start, int minutes) {
        return activity(start, minutes, MEAL_CODE, "Meal");
    }

    static Activity activity(String start, int minutes, String code, String description) {
        return new Activity(at(start), minutes, code, description, true);
    }

    // --- ticking --------------------------------------------------------------------------------

    /** One tick as of {@code time}, given one tick period to finish, as the daemon would run it. */
    TickReport tickAt(String time) {
        return tickAt(at(time), config.tick());
    }

    /**
     * One tick as of {@code now} (or later, if retries already pushed virtual time past it), with
     * {@code budget} of virtual time to finish.
     */
    TickReport tickAt(Instant now, Duration budget) {
        if (clock.instant().isBefore(now)) {
            clock.set(now);
        }
        Instant start = clock.instant();
        return engine.tick(start, start.plus(budget));
    }

    /** A tick at every minute boundary from {@code from} to {@code to}, both included. */
    List<TickReport> tickEveryMinute(String from, String to) {
        List<TickReport> reports = new ArrayList<>();
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plus(Duration.ofMinutes(1))) {
            reports.add(tickAt(t, config.tick()));
        }
        return reports;
    }

    /**
     * Ticks every minute from {@code from} to {@code to} as the daemon does: a tick that throws (the
     * org-wide reads failed) is counted as failed and the next one runs anyway. Returns the failed ticks.
     */
    int tickEveryMinuteLikeTheDaemon(String from, String to) {
        int failed = 0;
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plus(Duration.ofMinutes(1))) {
            try {
                if (tickAt(t, config.tick()).failed()) {
                    failed++;
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }

    // --- the ground truth -----------------------------------------------------------------------

    /** Every presence write prebreak's client made, in order. */
    List<PresenceChange> writes() {
        return sim.presenceLog().all().stream().filter(c -> c.clientId().equals(sim.clientId())).collect(Collectors.toList());
    }

    List<PresenceChange> writesFor(String userId) {
        return writes().stream().filter(c -> c.userId().equals(userId)).collect(Collectors.toList());
    }

    /** The presences prebreak set for one agent, in order. */
    List<String> presencesSetFor(String userId) {
        return writesFor(userId).stream().map(PresenceChange::toPresenceId).collect(Collectors.toList());
    }

    /** Agents prebreak set to Pre-Break, in order of the writes (an agent twice if set twice). */
    List<String> agentsSetToPreBreak() {
        return writes().stream().filter(c -> c.toPresenceId().equals(PRE_BREAK)).map(PresenceChange::userId)
                .collect(Collectors.toList());
    }

    String presenceOf(String userId) {
        return sim.org().requireState(userId).presence().id();
    }

    /** The agent changes presence themselves, in the Genesys client (not through prebreak). */
    void agentSets(String userId, String presenceId) {
        sim.org().setPresence(userId, presenceId, "agent-desktop", "by hand");
    }

    static Map<SkipReason, List<String>> skippedAgents(TickReport report) {
        Map<SkipReason, List<String>> byReason = new LinkedHashMap<>();
        report.units().forEach(u -> u.skips().forEach(s ->
                byReason.computeIfAbsent(s.reason(), r -> new ArrayList<>()).add(s.userId())));
        return byReason;
    }

    @Override
    public void close() {
        sim.close();
    }

    /** Agents, shifts, rules and settings of a scenario. */
    static final class Builder {
        private record AgentSpec(String id, String presenceId, boolean interacting, List<Shift> shifts) {
        }

        private final List<AgentSpec> agents = new ArrayList<>();
        private String rules = BREAKS_RULE;
        private final List<String> settings = new ArrayList<>();
        private UnaryOperator<Simulator.Builder> simulator = b -> b;
        private String region;
        private Duration shiftedBy = Duration.ZERO;
        private final List<PresenceDefinition> presences = new ArrayList<>();

        /** An On Queue agent, idle (no interaction in progress). */
        Builder idleOnQueue(String id, Shift... shifts) {
            return agent(id, ON_QUEUE, false, shifts);
        }

        /** An On Queue agent in the middle of an interaction that lasts all day. */
        Builder interactingOnQueue(String id, Shift... shifts) {
            return agent(id, ON_QUEUE, true, shifts);
        }

        Builder agent(String id, String presenceId, boolean interacting, Shift... shifts) {
            agents.add(new AgentSpec(id, presenceId, interacting, List.of(shifts)));
            return this;
        }

        /** One more presence definition in the org, beside the standard ones. */
        Builder presence(PresenceDefinition definition) {
            presences.add(definition);
            return this;
        }

        /** The {@code rules:} list, as YAML list items indented by two spaces. */
        Builder rules(String... rules) {
            this.rules = String.join("\n", rules);
            return this;
        }

        /** A top-level configuration line such as {@code maxChangesPerTick: 3}. */
        Builder setting(String line) {
            settings.add(line);
            return this;
        }

        Builder simulator(UnaryOperator<Simulator.Builder> settings) {
            this.simulator = settings;
            return this;
        }

        /** How the configuration names the simulator; by default its base URL exactly as it reports it. */
        Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Moves every shift, and the clock's start, by {@code offset}: for the command line, which runs on
         * the real clock, so that "10:00" lands a known distance from now.
         */
        Builder shiftedBy(Duration offset) {
            this.shiftedBy = offset;
            return this;
        }

        /** Starts the simulator with the virtual clock at {@code time} and assembles prebreak against it. */
        SimulatedOrg startAt(String time) {
            Instant start = at(time).plus(shiftedBy);
            Simulator sim = simulator.apply(reading.apply(Simulator.builder()
                            .clock(SimClock.fixed(start))
                            .org(clock -> org(clock, start))
                            .faultSeed(17)))
                    .build().start();
            try {
                // Interactions stay as the scenario says: no generated ones that would flip IDLE to INTERACTING.
                for (AgentSpec a : agents) {
                    sim.org().setInteractionsEnabled(a.id(), false);
                    if (a.interacting()) {
                        sim.org().startInteraction(a.id(), Duration.ofHours(20));
                    } else {
                        sim.org().endInteraction(a.id());
                    }
                }
                String base = sim.baseUrl().toString();
                String yaml = String.join("\n",
                        "genesys:",
                        "  region: " + (region == null ? base : region.replace("{port}", String.valueOf(sim.baseUrl().getPort()))),
                        "  clientId: " + sim.clientId(),
                        "  clientSecret: env:SIM_CLIENT_SECRET",
                        "scope:",
                        "  businessUnits: [" + BUSINESS_UNIT + "]",
                        "rules:",
                        rules,
                        "tick: 60s",
                        String.join("\n", settings),
                        "");
                Config config = new ConfigLoader(Map.of("SIM_CLIENT_SECRET", sim.clientSecret())).parse(yaml, "e2e.yaml");
                return new SimulatedOrg(sim, config);
            } catch (RuntimeException e) {
                sim.close();
                throw e;
            }
        }

        private Org org(java.time.Clock clock, Instant start) {
            Org.Builder org = Org.builder()
                    .businessUnit(new BusinessUnit(BUSINESS_UNIT, "Contact Center London", ZoneId.of("Europe/London"),
                            DayOfWeek.MONDAY, DIVISION))
                    .managementUnit(new ManagementUnit(MANAGEMENT_UNIT, "Chat Team", BUSINESS_UNIT,
                            agents.stream().map(AgentSpec::id).collect(Collectors.toList())))
                    .activityCodes(BUSINESS_UNIT, List.of(
                            code(WORK_CODE, "On Queue Work", true, true, ActivityCategory.OnQueueWork),
                            code(BREAK_CODE, "Break", true, true, ActivityCategory.Break),
                            code(MEAL_CODE, "Meal", true, true, ActivityCategory.Meal),
                            code(MEETING_CODE, "Meeting", true, true, ActivityCategory.Meeting),
                            code(COFFEE_BREAK_CODE, "Coffee Break", true, false, ActivityCategory.Break),
                            code(COACHING_CODE, "Coaching", true, false, ActivityCategory.Training),
                            code(OLD_BREAK_CODE, "Old Break", false, false, ActivityCategory.Break)));
            org.presence(PresenceDefinition.system(AVAILABLE, SystemPresence.AVAILABLE, "Available", DIVISION));
            org.presence(PresenceDefinition.system(OFFLINE, SystemPresence.OFFLINE, "Offline", DIVISION));
            org.presence(PresenceDefinition.system(ON_QUEUE, SystemPresence.ON_QUEUE, "On Queue", DIVISION));
            org.presence(PresenceDefinition.system(BREAK, SystemPresence.BREAK, "Break", DIVISION));
            org.presence(PresenceDefinition.system(MEAL, SystemPresence.MEAL, "Meal", DIVISION));
            org.presence(PresenceDefinition.custom(RETIRED_PRE_BREAK, SystemPresence.AWAY, "Pre-Break", DIVISION, true));
            org.presence(PresenceDefinition.custom(PRE_BREAK, SystemPresence.BREAK, "Pre-Break", DIVISION, false));
            presences.forEach(org::presence);
            long seed = 1;
            for (AgentSpec a : agents) {
                org.agent(new NewAgent(a.id(), nameOf(a.id()), BUSINESS_UNIT, MANAGEMENT_UNIT, a.presenceId(),
                        start.minus(Duration.ofHours(1)), null, seed++));
                org.shifts(a.id(), a.shifts().stream().map(this::shifted).collect(Collectors.toList()));
            }
            return org.build(clock);
        }

        private Shift shifted(Shift s) {
            List<Activity> activities = s.activities().stream()
                    .map(a -> a.movedTo(a.startDate().plus(shiftedBy))).collect(Collectors.toList());
            return new Shift(s.id(), s.startDate().plus(shiftedBy), s.lengthMinutes(), activities, s.manuallyEdited(),
                    s.scheduleId(), s.weekDate());
        }

        private static ActivityCode code(String id, String name, boolean active, boolean defaultCode, ActivityCategory category) {
            return new ActivityCode(id, name, active, defaultCode, category, 15, true, category == ActivityCategory.OnQueueWork,
                    List.of());
        }
    }
}
