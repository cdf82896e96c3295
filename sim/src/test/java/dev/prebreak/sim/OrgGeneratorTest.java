package dev.prebreak.sim;

import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.RoutingStatus;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.org.SystemPresence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OrgGeneratorTest {

    private static Org generate(OrgSpec spec) {
        return OrgGenerator.generate(spec, SimClock.fixed(Fixtures.T0));
    }

    @Test
    void sameSeedSameOrg() {
        Org a = generate(OrgSpec.of(500, 3, Fixtures.DAY));
        Org b = generate(OrgSpec.of(500, 3, Fixtures.DAY));
        Org c = generate(OrgSpec.of(500, 4, Fixtures.DAY));
        assertThat(a.userIds()).isEqualTo(b.userIds()).isNotEqualTo(c.userIds());
        for (String user : a.userIds()) {
            assertThat(a.shifts(user)).isEqualTo(b.shifts(user));
            assertThat(a.requireState(user)).isEqualTo(b.requireState(user));
        }
        assertThat(a.presenceDefinitions()).isEqualTo(b.presenceDefinitions());
    }

    @Test
    void realisticShape() {
        Org org = generate(OrgSpec.of(2_000, 5, Fixtures.DAY));
        assertThat(org.businessUnits()).hasSize(1);
        String bu = org.businessUnits().get(0).id();
        Map<String, ActivityCode> codes = org.activityCodes(bu).stream()
                .collect(Collectors.toMap(ActivityCode::id, Function.identity()));
        // Every category has a code but Unscheduled, which real business units list no code for.
        assertThat(codes.values()).extracting(ActivityCode::category)
                .contains(java.util.Arrays.stream(ActivityCategory.values())
                        .filter(c -> c != ActivityCategory.Unscheduled).toArray(ActivityCategory[]::new))
                .doesNotContain(ActivityCategory.Unscheduled);

        ZoneId zone = org.businessUnits().get(0).timeZone();
        int off = 0;
        int split = 0;
        int overnight = 0;
        for (String user : org.userIds()) {
            List<Shift> today = org.shifts(user).stream()
                    .filter(s -> LocalDate.ofInstant(s.startDate(), zone).equals(Fixtures.DAY)).toList();
            if (today.isEmpty()) {
                off++;
                assertThat(org.requireState(user).presence().systemPresence()).isEqualTo(SystemPresence.OFFLINE);
                continue;
            }
            if (today.size() == 2) {
                split++;
                continue;
            }
            Shift shift = today.get(0);
            assertThat(shift.lengthMinutes()).isBetween(480, 540);
            if (!LocalDate.ofInstant(shift.endDate(), zone).equals(Fixtures.DAY)) {
                overnight++;
            }
            List<Activity> breaks = shift.activities().stream()
                    .filter(a -> codes.get(a.activityCodeId()).category() == ActivityCategory.Break).toList();
            List<Activity> meals = shift.activities().stream()
                    .filter(a -> codes.get(a.activityCodeId()).category() == ActivityCategory.Meal).toList();
            assertThat(breaks).hasSize(2).allSatisfy(a -> assertThat(a.lengthMinutes()).isEqualTo(15));
            assertThat(meals).singleElement().satisfies(m -> assertThat(m.lengthMinutes()).isIn(30, 60));
            Instant cursor = shift.startDate();
            for (Activity a : shift.activities()) {
                assertThat(a.startDate()).isEqualTo(cursor);
                cursor = a.endDate();
            }
            assertThat(cursor).isEqualTo(shift.endDate());
        }
        assertThat(off).isBetween(120, 300);
        assertThat(split).isBetween(120, 300);
        assertThat(overnight).isGreaterThan(60);

        List<AgentState> states = org.userIds().stream().map(org::requireState).toList();
        long onQueue = states.stream().filter(s -> s.presence().onQueue()).count();
        assertThat(onQueue).isGreaterThan(states.size() / 2);
        assertThat(states).anyMatch(s -> s.routingStatus() == RoutingStatus.INTERACTING && s.presence().onQueue());
        assertThat(states).anyMatch(s -> s.routingStatus() == RoutingStatus.IDLE);
        assertThat(states).anyMatch(s -> s.routingStatus() == RoutingStatus.INTERACTING && !s.presence().onQueue());
        assertThat(states.stream().map(s -> s.presence().systemPresence()).distinct())
                .contains(SystemPresence.ON_QUEUE, SystemPresence.AVAILABLE, SystemPresence.AWAY, SystemPresence.OFFLINE,
                        SystemPresence.BREAK);

        PresenceDefinition preBreak = org.presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow();
        assertThat(preBreak.system()).isFalse();
        assertThat(preBreak.systemPresence()).isEqualTo(SystemPresence.BREAK);
        assertThat(org.presenceDefinitions()).filteredOn(PresenceDefinition::deactivated).hasSize(1);
    }

    @Test
    void fiftyThousandAgentsGenerateInSeconds() {
        long start = System.nanoTime();
        Org org = generate(OrgSpec.of(50_000, 42, Fixtures.DAY));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long shifts = org.userIds().stream().mapToLong(u -> org.shifts(u).size()).sum();
        // Printed, never asserted: timing depends on the machine.
        System.out.printf("generated %d agents, %d business units, %d shifts in %d ms%n", org.agentCount(),
                org.businessUnits().size(), shifts, millis);
        assertThat(org.agentCount()).isEqualTo(50_000);
        assertThat(org.businessUnits()).hasSize(4);
    }
}
