package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.BuAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuAsyncAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import dev.prebreak.sim.org.Shift;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSearchTest {
    private static Simulator sim;
    private static SimHttp http;
    private static String buId;
    private static String path;
    private static List<String> users;

    @BeforeAll
    static void start() {
        sim = Fixtures.simulator().downloadThresholdUsers(20).asyncThresholdUsers(40)
                .downloadLifetime(Duration.ofMinutes(5)).rateLimitPerMinute(0).build().start();
        http = new SimHttp(sim);
        buId = sim.org().businessUnits().get(0).id();
        path = "/api/v2/workforcemanagement/businessunits/" + buId + "/agentschedules/search";
        users = sim.org().userIdsInBusinessUnit(buId);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String body(Instant from, Instant to, List<String> ids) {
        StringBuilder sb = new StringBuilder("{\"startDate\":\"" + from + "\",\"endDate\":\"" + to + "\"");
        if (ids != null) {
            sb.append(",\"userIds\":[");
            for (int i = 0; i < ids.size(); i++) {
                sb.append(i > 0 ? "," : "").append('"').append(ids.get(i)).append('"');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    @Test
    void smallSearchIsInlineAndReturnsOverlappingShiftsOnly() {
        Instant from = Fixtures.T0;
        Instant to = from.plus(Duration.ofHours(2));
        HttpResponse<String> r = http.call("POST", path, body(from, to, users.subList(0, 10)));
        BuAsyncAgentSchedulesSearchResponse answer = SimHttp.sdk(r, BuAsyncAgentSchedulesSearchResponse.class);
        assertThat(answer.getStatus()).isEqualTo(BuAsyncAgentSchedulesSearchResponse.StatusEnum.COMPLETE);
        assertThat(answer.getDownloadUrl()).isNull();
        for (var schedule : answer.getResult().getAgentSchedules()) {
            List<Shift> expected = sim.org().shifts(schedule.getUser().getId(), from, to);
            assertThat(schedule.getShifts()).extracting(s -> s.getId())
                    .containsExactlyElementsOf(expected.stream().map(Shift::id).toList());
            schedule.getShifts().forEach(s -> {
                Instant start = s.getStartDate().toInstant();
                assertThat(start).isBefore(to);
                assertThat(start.plusSeconds(60L * s.getLengthMinutes())).isAfter(from);
                assertThat(s.getSchedule().getWeekDate()).isNotNull();
            });
        }
        assertThat(answer.getResult().getPublishedSchedules()).isNotEmpty();
    }

    @Test
    void largeResultGoesThroughAPresignedStyleDownload() {
        HttpResponse<String> r = http.call("POST", path, body(Fixtures.T0, Fixtures.T0.plusSeconds(7200), users.subList(0, 30)));
        JsonNode answer = SimHttp.tree(r);
        assertThat(answer.get("status").asText()).isEqualTo("Complete");
        assertThat(answer.has("result")).isFalse();
        String url = answer.get("downloadUrl").asText();
        assertThat(url).startsWith(sim.baseUrl().toString());

        HttpResponse<String> withAuth = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + http.token()).GET().build());
        assertThat(withAuth.statusCode()).isEqualTo(400);
        assertThat(withAuth.body()).contains("Only one auth mechanism allowed");

        HttpResponse<String> plain = http.open("GET", url, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(SimHttp.sdk(plain, BuAgentSchedulesSearchResponse.class).getAgentSchedules()).hasSize(30);

        sim.clock().advance(Duration.ofMinutes(5));
        try {
            assertThat(http.open("GET", url, null).statusCode()).isEqualTo(403);
        } finally {
            sim.clock().set(Fixtures.T0);
        }
    }

    @Test
    void tooManyUsersOrForceAsyncAnswersProcessing() {
        HttpResponse<String> many = http.call("POST", path, body(Fixtures.T0, Fixtures.T0.plusSeconds(7200), users.subList(0, 41)));
        JsonNode answer = SimHttp.tree(many);
        assertThat(answer.get("status").asText()).isEqualTo("Processing");
        assertThat(answer.get("operationId").asText()).hasSize(36);
        assertThat(answer.has("result")).isFalse();

        // No userIds means the whole BU (60 agents here), above the async threshold.
        assertThat(SimHttp.tree(http.call("POST", path, body(Fixtures.T0, Fixtures.T0.plusSeconds(7200), null)))
                .get("status").asText()).isEqualTo("Processing");
        assertThat(SimHttp.tree(http.call("POST", path + "?forceAsync=true",
                body(Fixtures.T0, Fixtures.T0.plusSeconds(7200), users.subList(0, 1)))).get("status").asText())
                .isEqualTo("Processing");
    }

    @Test
    void managementUnitSearchCoversItsMembers() {
        var mu = sim.org().managementUnits(buId).get(0);
        HttpResponse<String> r = http.call("POST", "/api/v2/workforcemanagement/managementunits/" + mu.id()
                + "/agentschedules/search", body(Fixtures.T0, Fixtures.T0.plusSeconds(3600), mu.userIds().subList(0, 5)));
        assertThat(SimHttp.sdk(r, BuAsyncAgentSchedulesSearchResponse.class).getResult().getAgentSchedules()).hasSize(5);
        // By default an outsider is left out of the answer (ScheduleSearchVariationsTest covers the 400 reading).
        String outsider = sim.org().managementUnits(buId).get(1).userIds().get(0);
        List<String> asked = List.of(mu.userIds().get(0), outsider);
        HttpResponse<String> mixed = http.call("POST", "/api/v2/workforcemanagement/managementunits/" + mu.id()
                + "/agentschedules/search", body(Fixtures.T0, Fixtures.T0.plusSeconds(3600), asked));
        assertThat(SimHttp.sdk(mixed, BuAsyncAgentSchedulesSearchResponse.class).getResult().getAgentSchedules())
                .extracting(a -> a.getUser().getId()).containsExactly(mu.userIds().get(0));
    }

    @Test
    void invalidRequestsAre400WithErrorBodies() {
        Instant t = Fixtures.T0;
        assertBad(http.call("POST", path, "{\"startDate\":\"" + t + "\"}"));
        assertBad(http.call("POST", path, body(t, t.minusSeconds(60), users.subList(0, 1))));
        assertBad(http.call("POST", path, body(t, t.plus(Duration.ofDays(15)), users.subList(0, 1))));
        assertBad(http.call("POST", path, "{\"startDate\":\"yesterday\",\"endDate\":\"today\"}"));
        assertThat(http.call("POST", "/api/v2/workforcemanagement/businessunits/unknown/agentschedules/search",
                body(t, t.plusSeconds(60), null)).statusCode()).isEqualTo(404);
    }

    private static void assertBad(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(SimHttp.sdk(r, ErrorBody.class).getStatus()).isEqualTo(400);
    }
}
