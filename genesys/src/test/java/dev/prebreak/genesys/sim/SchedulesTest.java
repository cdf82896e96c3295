package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.BatchSizes;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.http.Variations;
import dev.prebreak.sim.org.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchedulesTest {
    private static final String SEARCH = "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search";
    private static final String DOWNLOAD = "GET /_download/{key}";
    private static final Instant FROM = SimHarness.T0;
    private static final Instant TO = FROM.plus(Duration.ofHours(12));

    /** What the simulator holds for these users, flattened the way the gateway promises. */
    private static Map<String, List<Activity>> truth(SimHarness h, List<String> users) {
        return users.stream().collect(Collectors.toMap(Function.identity(), u -> {
            List<Activity> activities = new ArrayList<>();
            for (Shift shift : h.sim.org().shifts(u, FROM, TO)) {
                for (var a : shift.activities()) {
                    activities.add(new Activity(a.activityCodeId(), a.startDate(), Duration.ofMinutes(a.lengthMinutes()),
                            a.description()));
                }
            }
            return activities;
        }));
    }

    private static Map<String, List<Activity>> byUser(List<AgentSchedule> schedules) {
        return schedules.stream().collect(Collectors.toMap(AgentSchedule::userId, AgentSchedule::activities));
    }

    @Test
    void inlineResultsInUserBatches() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client(new BatchSizes(50, 50, 40, 5));
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 100);

            List<AgentSchedule> schedules = client.schedules(h.businessUnitId(), users, FROM, TO);
            assertThat(h.calls(SEARCH)).isEqualTo(3);
            assertThat(byUser(schedules)).isEqualTo(truth(h, users));
            assertThat(schedules.stream().mapToInt(s -> s.activities().size()).sum()).isPositive();
        }
    }

    @Test
    void noUsersNoCall() {
        try (SimHarness h = SimHarness.start()) {
            assertThat(h.client().schedules(h.businessUnitId(), List.of(), FROM, TO)).isEmpty();
            assertThat(h.sim.requestStats().total()).isZero();
        }
    }

    @Test
    void downloadsLargeResultsWithoutTheAuthorizationHeader() {
        try (SimHarness h = SimHarness.start(b -> b.downloadThresholdUsers(10))) {
            GenesysClient client = h.client(new BatchSizes(50, 50, 30, 5));
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 60);

            List<AgentSchedule> schedules = client.schedules(h.businessUnitId(), users, FROM, TO);
            assertThat(byUser(schedules)).isEqualTo(truth(h, users));
            assertThat(h.calls(SEARCH)).isEqualTo(2);
            // the simulated storage refuses (400) any request that carries an Authorization header
            assertThat(h.sim.requestStats().count(DOWNLOAD, 200)).isEqualTo(2);
            assertThat(h.sim.requestStats().count(DOWNLOAD, 400)).isZero();
        }
    }

    @Test
    void splitsAsynchronousSearchesUntilTheyAnswer() {
        try (SimHarness h = SimHarness.start(b -> b.asyncThresholdUsers(10))) {
            GenesysClient client = h.client(new BatchSizes(50, 50, 40, 5));
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 40);

            List<AgentSchedule> schedules = client.schedules(h.businessUnitId(), users, FROM, TO);
            assertThat(byUser(schedules)).isEqualTo(truth(h, users));
            // 40 -> Processing; 2 x 20 -> Processing; 4 x 10 -> Complete
            assertThat(h.calls(SEARCH)).isEqualTo(7);
        }
    }

    @Test
    void learnsTheBatchSizeGenesysAnswersInlineSoLaterSearchesDoNotSplitAgain() {
        try (SimHarness h = SimHarness.start(b -> b.asyncThresholdUsers(10))) {
            GenesysClient client = h.client(new BatchSizes(50, 50, 40, 5));
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 40);
            client.schedules(h.businessUnitId(), users, FROM, TO); // 40 and 2 x 20 go asynchronous: 7 calls
            long first = h.calls(SEARCH);

            List<AgentSchedule> again = client.schedules(h.businessUnitId(), users, FROM, TO);
            assertThat(byUser(again)).isEqualTo(truth(h, users));
            // Batches of 10 now, never above the 20 that went asynchronous: 4 calls, no split.
            assertThat(h.calls(SEARCH) - first).isEqualTo(4);
        }
    }

    @Test
    void reportsASearchThatStaysAsynchronousAtTheFloor() {
        try (SimHarness h = SimHarness.start(b -> b.asyncThresholdUsers(2))) {
            GenesysClient client = h.client(new BatchSizes(50, 50, 20, 5));
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId()).subList(0, 20);

            assertThatThrownBy(() -> client.schedules(h.businessUnitId(), users, FROM, TO))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("went asynchronous (Processing")
                    .hasMessageContaining("even for 5 users")
                    .hasMessageContaining("no way to poll");
        }
    }

    @Test
    void customGuidActivityCodesComeThrough() {
        LocalDate day = LocalDate.ofInstant(SimHarness.T0, java.time.ZoneOffset.UTC);
        try (SimHarness h = SimHarness.start(b -> b.orgSpec(OrgSpec.of(80, 5, day).withBusinessUnits(2, 1)))) {
            String bu = h.sim.org().businessUnits().get(1).id();
            GenesysClient client = h.client();
            Set<String> customIds = client.activityCodes(bu).stream().map(ActivityCode::id)
                    .filter(id -> id.length() == 36).collect(Collectors.toSet());
            List<String> users = h.sim.org().userIdsInBusinessUnit(bu);

            List<AgentSchedule> schedules = client.schedules(bu, users, FROM.minus(Duration.ofHours(12)), TO.plus(Duration.ofHours(12)));
            assertThat(customIds).isNotEmpty();
            assertThat(schedules).flatMap(AgentSchedule::activities).extracting(Activity::activityCodeId)
                    .anyMatch(customIds::contains);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Variations.ShiftsReturned.class)
    void findsEveryShiftOverlappingTheWindowWhicheverShiftsGenesysReturns(Variations.ShiftsReturned reading) {
        try (SimHarness h = SimHarness.start(b -> b.shiftsReturned(reading))) {
            List<String> users = h.sim.org().userIdsInBusinessUnit(h.businessUnitId());
            // The test means something only if some shift began before the window and still runs in it.
            assertThat(users).anyMatch(u -> h.sim.org().shifts(u, FROM, TO).stream().anyMatch(s -> s.startDate().isBefore(FROM)));

            List<AgentSchedule> schedules = h.client().schedules(h.businessUnitId(), users, FROM, TO);

            Map<String, List<Activity>> expected = truth(h, users);
            expected.values().removeIf(List::isEmpty);
            Map<String, List<Activity>> got = byUser(schedules);
            got.values().removeIf(List::isEmpty);
            assertThat(got).isEqualTo(expected);
        }
    }

    @Test
    void leavesOutAgentsNotInTheUnitWhenGenesysRefusesTheWholeSearchAndNamesThem() {
        LocalDate day = LocalDate.ofInstant(SimHarness.T0, java.time.ZoneOffset.UTC);
        try (SimHarness h = SimHarness.start(b -> b.orgSpec(OrgSpec.of(60, 5, day).withBusinessUnits(2, 1))
                .outsiders(Variations.Outsiders.BAD_REQUEST));
             CapturedLog log = CapturedLog.of("dev.prebreak.genesys.ScheduleSearch")) {
            String bu = h.businessUnitId();
            List<String> members = h.sim.org().userIdsInBusinessUnit(bu).subList(0, 10);
            String movedAway = h.sim.org().userIdsInBusinessUnit(h.sim.org().businessUnits().get(1).id()).get(0);
            List<String> users = new ArrayList<>(members);
            users.add(3, movedAway);

            List<AgentSchedule> schedules = h.client().schedules(bu, users, FROM, TO);

            assertThat(byUser(schedules)).isEqualTo(truth(h, members));
            assertThat(h.sim.requestStats().count(SEARCH, 400)).isEqualTo(1);
            assertThat(h.sim.requestStats().count(SEARCH, 200)).isEqualTo(1);
            String name = h.sim.org().requireState(movedAway).name();
            assertThat(log.messages()).singleElement().asString()
                    .contains("refused to search the schedules of 1 agent(s) not in the unit")
                    .contains(name + " (" + movedAway + ")");
        }
    }

    @Test
    void anAgentOwedARevertWhoLeftTheUnitIsSearchedAloneWithoutFailing() {
        try (SimHarness h = SimHarness.start(b -> b.outsiders(Variations.Outsiders.BAD_REQUEST))) {
            List<AgentSchedule> schedules = h.client().schedules(h.businessUnitId(), List.of("left-the-org-1"), FROM, TO);

            assertThat(schedules).isEmpty();
            assertThat(h.sim.requestStats().count(SEARCH, 400)).isEqualTo(1);
        }
    }
}
