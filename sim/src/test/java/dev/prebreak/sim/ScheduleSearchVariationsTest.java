package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import dev.prebreak.sim.http.Variations;
import dev.prebreak.sim.org.Shift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule search's undocumented behaviours, each reading switchable. */
class ScheduleSearchVariationsTest {
    private Simulator sim;
    private SimHttp http;
    private String path;
    private String user;
    private Shift shift;

    @BeforeEach
    void start() {
        sim = Fixtures.simulator().build().start();
        http = new SimHttp(sim);
        String buId = sim.org().businessUnits().get(0).id();
        path = "/api/v2/workforcemanagement/businessunits/" + buId + "/agentschedules/search";
        user = sim.org().userIdsInBusinessUnit(buId).stream().filter(u -> !sim.org().shifts(u).isEmpty())
                .findFirst().orElseThrow();
        shift = sim.org().shifts(user).get(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void byDefaultEveryShiftOverlappingTheWindowComesBack() {
        assertThat(sim.variations().shiftsReturned()).isEqualTo(Variations.ShiftsReturned.OVERLAPPING_WINDOW);
        Instant from = shift.startDate().plusSeconds(3600);
        assertThat(shiftIds(from, from.plusSeconds(7200), List.of(user))).containsExactly(shift.id());
    }

    @Test
    void startingInWindowLeavesOutAShiftThatBeganBefore() {
        sim.variations().shiftsReturned(Variations.ShiftsReturned.STARTING_IN_WINDOW);
        Instant from = shift.startDate().plusSeconds(3600);
        assertThat(shiftIds(from, from.plusSeconds(7200), List.of(user))).isEmpty();
        // A window that holds the shift's start finds it under both readings.
        Instant early = shift.startDate().minusSeconds(600);
        assertThat(shiftIds(early, early.plusSeconds(7200), List.of(user))).containsExactly(shift.id());
    }

    @Test
    void theReadingCanBeSwitchedThroughTheControlApi() {
        JsonNode v = SimHttp.tree(http.open("PUT", "/_sim/variations", "{\"shiftsReturned\":\"STARTING_IN_WINDOW\"}"));
        assertThat(v.get("shiftsReturned").asText()).isEqualTo("STARTING_IN_WINDOW");
        assertThat(sim.variations().shiftsReturned()).isEqualTo(Variations.ShiftsReturned.STARTING_IN_WINDOW);
        assertThat(http.open("PUT", "/_sim/variations", "{\"shiftsReturned\":\"SOMETIMES\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void anOutsiderIsLeftOutByDefaultOrRefusedWith400() {
        List<String> asked = List.of(user, "not-a-member");
        HttpResponse<String> lenient = search(Fixtures.T0, Fixtures.T0.plusSeconds(3600), asked);
        assertThat(lenient.statusCode()).isEqualTo(200);
        assertThat(SimHttp.tree(lenient).at("/result/agentSchedules").findValuesAsText("id")).containsExactly(user);

        http.open("PUT", "/_sim/variations", "{\"outsiders\":\"BAD_REQUEST\"}");
        HttpResponse<String> strict = search(Fixtures.T0, Fixtures.T0.plusSeconds(3600), asked);
        assertThat(strict.statusCode()).isEqualTo(400);
        ErrorBody body = SimHttp.sdk(strict, ErrorBody.class);
        assertThat(body.getCode()).isEqualTo("bad.request");
        assertThat(body.getMessage()).contains("not-a-member").doesNotContain(user);
    }

    private List<String> shiftIds(Instant from, Instant to, List<String> users) {
        HttpResponse<String> r = search(from, to, users);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode agent : SimHttp.tree(r).at("/result/agentSchedules")) {
            agent.get("shifts").forEach(s -> ids.add(s.get("id").asText()));
        }
        return ids;
    }

    private HttpResponse<String> search(Instant from, Instant to, List<String> users) {
        return http.call("POST", path, "{\"startDate\":\"" + from + "\",\"endDate\":\"" + to + "\",\"userIds\":[\""
                + String.join("\",\"", users) + "\"]}");
    }
}
