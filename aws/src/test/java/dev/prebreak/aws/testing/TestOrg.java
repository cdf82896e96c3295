package dev.prebreak.aws.testing;

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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small hand-made org in the simulator: two business units, idle On Queue agents, each with one
 * published shift holding one 15-minute break, and a "Pre-Break" presence under Break.
 */
public final class TestOrg {
    public static final String NORTH = "6f1c2a9e-4b3d-4e8a-9c7f-1a2b3c4d5e01";
    public static final String SOUTH = "6f1c2a9e-4b3d-4e8a-9c7f-1a2b3c4d5e02";
    public static final String PRE_BREAK = "5c0e7a3b-91d4-4f2a-b6e8-3a7d9c1f0e52";
    public static final String SECRET_NAME = "prebreak/genesys";
    private static final String DIVISION = "f3a9d2c7-0b14-4e6a-a8d5-6c2e1f9b7a40";
    private static final String WORK = "0";
    private static final String BREAK = "1";

    /** An agent of {@code businessUnitId} whose break starts at {@code breakStart}. */
    public record Agent(String id, String businessUnitId, Instant breakStart) {
    }

    private TestOrg() {
    }

    public static Simulator start(SimClock clock, List<Agent> agents) {
        Simulator sim = Simulator.builder().clock(clock).org(c -> org(c, clock.instant(), agents)).faultSeed(3).build().start();
        for (Agent a : agents) {
            sim.org().setInteractionsEnabled(a.id(), false);
            sim.org().endInteraction(a.id());
        }
        return sim;
    }

    /** The Lambda's environment for this org: exactly the PREBREAK_* variables the templates set. */
    public static Map<String, String> environment(Simulator sim, String table) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PREBREAK_GENESYS_REGION", sim.baseUrl().toString());
        env.put("PREBREAK_GENESYS_CREDENTIALS", "secretsmanager:" + SECRET_NAME);
        env.put("PREBREAK_SCOPE_BUSINESS_UNITS", NORTH + "," + SOUTH);
        env.put("PREBREAK_RULES_0_NAME", "breaks");
        env.put("PREBREAK_RULES_0_CATEGORIES", "Break");
        env.put("PREBREAK_RULES_0_LEAD", "15m");
        env.put("PREBREAK_RULES_0_PRESENCE", "Pre-Break");
        env.put("PREBREAK_TICK", "60s");
        env.put("PREBREAK_DRY_RUN", "false");
        env.put("PREBREAK_MAX_CHANGES_PER_TICK", "1000");
        env.put("PREBREAK_STATE_STORE", "dynamodb");
        env.put("PREBREAK_STATE_TABLE", table);
        return env;
    }

    /** Agents prebreak's client set to Pre-Break, in order (an agent twice if set twice). */
    public static List<String> setToPreBreak(Simulator sim) {
        return sim.presenceLog().all().stream()
                .filter(c -> c.clientId().equals(sim.clientId()) && c.toPresenceId().equals(PRE_BREAK))
                .map(PresenceChange::userId).collect(Collectors.toList());
    }

    private static String managementUnitOf(String businessUnitId) {
        return "9b7d3e5a-2c4f-4a6b-8d1e-0f2a3b4c5d" + businessUnitId.substring(businessUnitId.length() - 2);
    }

    private static Org org(java.time.Clock clock, Instant now, List<Agent> agents) {
        Org.Builder org = Org.builder();
        for (String bu : List.of(NORTH, SOUTH)) {
            org.businessUnit(new BusinessUnit(bu, bu.equals(NORTH) ? "North" : "South", ZoneOffset.UTC, DayOfWeek.MONDAY, DIVISION));
            org.managementUnit(new ManagementUnit(managementUnitOf(bu), "Team " + bu.substring(bu.length() - 2), bu,
                    agents.stream().filter(a -> a.businessUnitId().equals(bu)).map(Agent::id).collect(Collectors.toList())));
            org.activityCodes(bu, List.of(
                    new ActivityCode(WORK, "On Queue Work", true, true, ActivityCategory.OnQueueWork, 15, true, true, List.of()),
                    new ActivityCode(BREAK, "Break", true, true, ActivityCategory.Break, 15, true, false, List.of())));
        }
        org.presence(PresenceDefinition.system(PresenceDefinition.AVAILABLE_ID, SystemPresence.AVAILABLE, "Available", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.OFFLINE_ID, SystemPresence.OFFLINE, "Offline", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.ON_QUEUE_ID, SystemPresence.ON_QUEUE, "On Queue", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.BREAK_ID, SystemPresence.BREAK, "Break", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.MEAL_ID, SystemPresence.MEAL, "Meal", DIVISION));
        org.presence(PresenceDefinition.custom(PRE_BREAK, SystemPresence.BREAK, "Pre-Break", DIVISION, false));
        long seed = 1;
        for (Agent a : agents) {
            Instant shiftStart = a.breakStart().minus(Duration.ofHours(2));
            Shift shift = new Shift("shift-" + a.id(), shiftStart, 480,
                    Shift.tile(shiftStart, 480, List.of(new Activity(a.breakStart(), 15, BREAK, "Break", true)), WORK),
                    false, "c8e2a6f4-9b1d-4c3e-a7f5-1d9b3e6c2a84", LocalDate.ofInstant(shiftStart, ZoneOffset.UTC));
            org.agent(new NewAgent(a.id(), a.id(), a.businessUnitId(), managementUnitOf(a.businessUnitId()),
                    PresenceDefinition.ON_QUEUE_ID, now.minus(Duration.ofHours(1)), null, seed++));
            org.shifts(a.id(), List.of(shift));
        }
        return org.build(clock);
    }
}
