package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ControlApiTest {
    private Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = Fixtures.simulator().build().start();
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void clockCanBeReadSetAndAdvanced() {
        assertThat(SimHttp.tree(http.open("GET", "/_sim/clock", null)).get("now").asText())
                .isEqualTo("2026-11-24T15:00:00.000Z");
        http.open("PUT", "/_sim/clock", "{\"advance\":\"PT5M\"}");
        assertThat(sim.clock().instant()).isEqualTo(Fixtures.T0.plusSeconds(300));
        JsonNode set = SimHttp.tree(http.open("PUT", "/_sim/clock", "{\"set\":\"2026-11-25T08:00:00Z\"}"));
        assertThat(set.get("now").asText()).isEqualTo("2026-11-25T08:00:00.000Z");
        assertThat(http.open("PUT", "/_sim/clock", "{\"when\":\"later\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void orgSummaryAndUserState() {
        JsonNode org = SimHttp.tree(http.open("GET", "/_sim/org", null));
        assertThat(org.get("agents").asInt()).isEqualTo(120);
        assertThat(org.get("businessUnits")).hasSize(2);

        String user = sim.org().userIds().get(0);
        JsonNode state = SimHttp.tree(http.open("PUT", "/_sim/users/" + user,
                "{\"presence\":\"On Queue\",\"interactionsEnabled\":false,\"interactionSeconds\":120}"));
        assertThat(state.get("presenceId").asText()).isEqualTo(PresenceDefinition.ON_QUEUE_ID);
        assertThat(state.get("routingStatus").asText()).isEqualTo("INTERACTING");
        assertThat(state.get("interactionUntil").asText()).isEqualTo("2026-11-24T15:02:00.000Z");
        state = SimHttp.tree(http.open("PUT", "/_sim/users/" + user, "{\"endInteraction\":true}"));
        assertThat(state.get("routingStatus").asText()).isEqualTo("IDLE");
        assertThat(SimHttp.tree(http.open("GET", "/_sim/users/" + user, null)).get("shifts")).isNotEmpty();
        assertThat(http.open("GET", "/_sim/users/nobody", null).statusCode()).isEqualTo(404);

        JsonNode log = SimHttp.tree(http.open("GET", "/_sim/presence-log?userId=" + user, null));
        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(log.get("entities").get(0).get("clientId").asText()).isEqualTo("_sim");
        assertThat(SimHttp.tree(http.open("GET", "/_sim/presence-log?since=2026-11-24T16:00:00Z", null))
                .get("total").asInt()).isZero();
    }

    @Test
    void breaksCanBeMovedAndDeletedAndSearchesSeeIt() {
        String user = userWithRegularShiftToday();
        Shift shift = todaysShift(user);
        Activity firstBreak = breaks(user, shift).get(0);
        Instant newStart = firstBreak.startDate().plus(Duration.ofMinutes(30));

        HttpResponse<String> moved = http.open("POST", "/_sim/users/" + user + "/activities/move",
                "{\"start\":\"" + firstBreak.startDate() + "\",\"newStart\":\"" + newStart + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        Shift after = todaysShift(user);
        assertThat(after.manuallyEdited()).isTrue();
        assertThat(breaks(user, after)).extracting(Activity::startDate).contains(newStart)
                .doesNotContain(firstBreak.startDate());
        assertTiled(after);

        assertThat(http.open("DELETE", "/_sim/users/" + user + "/activities/" + newStart, null).statusCode())
                .isEqualTo(200);
        assertThat(breaks(user, todaysShift(user))).extracting(Activity::startDate).doesNotContain(newStart);
        assertTiled(todaysShift(user));

        // Through the API: the schedule search shows the edit.
        String buId = sim.org().requireState(user).businessUnitId();
        JsonNode search = SimHttp.tree(http.call("POST", "/api/v2/workforcemanagement/businessunits/" + buId
                + "/agentschedules/search", "{\"startDate\":\"" + shift.startDate() + "\",\"endDate\":\""
                + shift.endDate() + "\",\"userIds\":[\"" + user + "\"]}"));
        assertThat(search.toString()).doesNotContain(newStart.toString().replace("Z", ".000Z"));
        assertThat(http.open("DELETE", "/_sim/users/" + user + "/activities/" + newStart, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void faultsAndStatsThroughTheControlApi() {
        HttpResponse<String> configured = http.open("POST", "/_sim/faults", "{\"seed\":9,\"scripted\":[{\"endpoint\":"
                + "\"getPresenceDefinitions0\",\"times\":2,\"kind\":\"SERVER_ERROR\",\"status\":503}]}");
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(503);
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(503);
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
        JsonNode stats = SimHttp.tree(http.open("GET", "/_sim/stats", null));
        assertThat(stats.get("endpoints").get("GET /api/v2/presence/definitions").get("503").asInt()).isEqualTo(2);
        assertThat(stats.get("endpoints").get("POST /oauth/token").get("200").asInt()).isEqualTo(1);
        assertThat(http.open("POST", "/_sim/faults", "{\"bogus\":1}").statusCode()).isEqualTo(400);
        assertThat(http.open("DELETE", "/_sim/stats", null).statusCode()).isEqualTo(204);
        assertThat(sim.requestStats().total()).isZero();
    }

    private String userWithRegularShiftToday() {
        return sim.org().userIds().stream().filter(u -> {
            Shift s = todaysShift(u);
            return s != null && s.lengthMinutes() >= 480;
        }).findFirst().orElseThrow();
    }

    private Shift todaysShift(String user) {
        return sim.org().shifts(user).stream()
                .filter(s -> s.startDate().isAfter(Fixtures.T0.minus(Duration.ofHours(15)))
                        && s.startDate().isBefore(Fixtures.T0.plus(Duration.ofHours(9))))
                .findFirst().orElse(null);
    }

    private List<Activity> breaks(String user, Shift shift) {
        String bu = sim.org().requireState(user).businessUnitId();
        Set<String> breakCodes = sim.org().activityCodes(bu).stream()
                .filter(c -> c.category() == ActivityCategory.Break).map(ActivityCode::id).collect(Collectors.toSet());
        return shift.activities().stream().filter(a -> breakCodes.contains(a.activityCodeId())).toList();
    }

    private static void assertTiled(Shift shift) {
        Instant cursor = shift.startDate();
        for (Activity a : shift.activities()) {
            assertThat(a.startDate()).isEqualTo(cursor);
            cursor = a.endDate();
        }
        assertThat(cursor).isEqualTo(shift.endDate());
    }
}
