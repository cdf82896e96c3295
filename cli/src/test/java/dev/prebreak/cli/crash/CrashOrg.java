package dev.prebreak.cli.crash;

import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.NewAgent;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.SystemPresence;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The org of the crash test, laid out on the real clock from the moment it is built (no fixed dates):
 * agents On Queue and idle, each with one 15-minute break, the breaks' trigger times ({@code start - lead})
 * half a second apart from just before the build onwards, so that whenever a {@code serve} process comes
 * up and ticks, however fast it came up, some agents have just become due and it writes.
 */
final class CrashOrg {
    static final String BUSINESS_UNIT = "6f1c2b7a-4e3d-4a9b-8c5e-2d7f1a9b3c40";
    static final String MANAGEMENT_UNIT = "9a3e5c71-2b4d-4f6a-b8e9-1c7d3f5a2b68";
    static final String DIVISION = "c2d8e4f6-1a3b-4c5d-9e7f-8a6b4c2d0e13";
    static final String ON_QUEUE = PresenceDefinition.ON_QUEUE_ID;
    /** The custom "Pre-Break" presence, a secondary presence under Break. */
    static final String PRE_BREAK = "7d2a9c4e-3b1f-4e8a-a6c5-5f0b2d8e9a17";
    static final String WORK_CODE = "0";
    static final String BREAK_CODE = "1";

    /** One agent and their one break: due from {@code trigger}, starting at {@code start}. */
    record Agent(String id, Instant trigger, Instant start) {
    }

    private final List<Agent> agents;

    /**
     * @param first the first trigger time
     * @param spacing time between one agent's trigger and the next one's
     * @param count how many agents
     * @param lead the rule's lead: each break starts this long after its trigger
     */
    CrashOrg(Instant first, Duration spacing, int count, Duration lead) {
        List<Agent> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant trigger = first.plus(spacing.multipliedBy(i));
            list.add(new Agent(String.format("agent-%03d", i + 1), trigger, trigger.plus(lead)));
        }
        this.agents = List.copyOf(list);
    }

    List<Agent> agents() {
        return agents;
    }

    /** The simulator's org: built on its clock, which must be the real one (serve runs on the system clock). */
    Org build(Clock clock) {
        Org.Builder org = Org.builder()
                .businessUnit(new BusinessUnit(BUSINESS_UNIT, "Crash Test Center", ZoneId.of("Etc/UTC"), DayOfWeek.MONDAY, DIVISION))
                .managementUnit(new ManagementUnit(MANAGEMENT_UNIT, "Chat Team", BUSINESS_UNIT,
                        agents.stream().map(Agent::id).toList()))
                .activityCodes(BUSINESS_UNIT, List.of(
                        code(WORK_CODE, "On Queue Work", ActivityCategory.OnQueueWork),
                        code(BREAK_CODE, "Break", ActivityCategory.Break),
                        code("2", "Meal", ActivityCategory.Meal)));
        org.presence(PresenceDefinition.system(PresenceDefinition.AVAILABLE_ID, SystemPresence.AVAILABLE, "Available", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.OFFLINE_ID, SystemPresence.OFFLINE, "Offline", DIVISION));
        org.presence(PresenceDefinition.system(ON_QUEUE, SystemPresence.ON_QUEUE, "On Queue", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.BREAK_ID, SystemPresence.BREAK, "Break", DIVISION));
        org.presence(PresenceDefinition.system(PresenceDefinition.MEAL_ID, SystemPresence.MEAL, "Meal", DIVISION));
        org.presence(PresenceDefinition.custom(PRE_BREAK, SystemPresence.BREAK, "Pre-Break", DIVISION, false));
        Instant now = clock.instant();
        long seed = 1;
        for (Agent a : agents) {
            org.agent(new NewAgent(a.id(), a.id(), BUSINESS_UNIT, MANAGEMENT_UNIT, ON_QUEUE, now.minus(Duration.ofHours(1)), null, seed++));
            // An hour of work, the break, work again: the shift has started, the break is the only thing due.
            Instant shiftStart = a.start().minus(Duration.ofHours(1));
            List<Activity> nonWork = List.of(new Activity(a.start(), 15, BREAK_CODE, "Break", true));
            LocalDate day = LocalDate.ofInstant(shiftStart, ZoneOffset.UTC);
            org.shifts(a.id(), List.of(new Shift("shift-" + a.id(), shiftStart, 120,
                    Shift.tile(shiftStart, 120, nonWork, WORK_CODE), false,
                    UUID.nameUUIDFromBytes(("schedule " + day).getBytes(StandardCharsets.UTF_8)).toString(),
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))));
        }
        return org.build(clock);
    }

    private static ActivityCode code(String id, String name, ActivityCategory category) {
        return new ActivityCode(id, name, true, true, category, 15, true, category == ActivityCategory.OnQueueWork, List.of());
    }
}
