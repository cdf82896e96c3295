package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import com.mypurecloud.sdk.v2.model.RoutingStatus;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.ScriptedFault;
import dev.prebreak.sim.http.UnknownEnums;
import dev.prebreak.sim.org.PresenceDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values real Genesys sends that a client must survive: the routing statuses NOT_RESPONDING and
 * COMMUNICATING, the Meeting and Idle system presences, 429 without Retry-After, 504 request.timeout,
 * 401 credentials.expired, and (switched on) enum values newer than any client.
 */
class NewValuesTest {
    private Simulator sim;
    private SimHttp http;
    private List<String> users;

    @BeforeEach
    void start() {
        sim = Fixtures.simulator().rateLimitPerMinute(180).build().start();
        http = new SimHttp(sim);
        users = sim.org().userIds();
        // Everyone On Queue and idle, so the routing shares show in full.
        for (String u : users) {
            sim.org().setInteractionsEnabled(u, false);
            sim.org().endInteraction(u);
            sim.org().setPresence(u, PresenceDefinition.ON_QUEUE_ID, "test", "test");
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void byDefaultIdleAgentsReadIdle() {
        assertThat(routingCounts()).containsOnlyKeys("IDLE");
    }

    @Test
    void sharesOfAgentsReadNotRespondingAndCommunicating() {
        sim.variations().routingShares(0.25, 0.25);
        Map<String, Integer> counts = routingCounts();
        assertThat(counts).containsOnlyKeys("IDLE", "NOT_RESPONDING", "COMMUNICATING");
        assertThat(counts.get("NOT_RESPONDING")).isBetween(15, 45);
        assertThat(counts.get("COMMUNICATING")).isBetween(15, 45);
        // The same agents on every read, and the SDK knows both values.
        assertThat(routingCounts()).isEqualTo(counts);
        String notResponding = users.stream().filter(u -> "NOT_RESPONDING".equals(
                SimHttp.tree(http.get("/api/v2/users/" + u + "/routingstatus")).get("status").asText())).findFirst().orElseThrow();
        assertThat(SimHttp.sdk(http.get("/api/v2/users/" + notResponding + "/routingstatus"), RoutingStatus.class)
                .getStatus()).isEqualTo(RoutingStatus.StatusEnum.NOT_RESPONDING);
        // Through the control API too.
        JsonNode v = SimHttp.tree(http.open("PUT", "/_sim/variations", "{\"notRespondingShare\":0,\"communicatingShare\":0}"));
        assertThat(v.get("notRespondingShare").asDouble()).isZero();
        assertThat(routingCounts()).containsOnlyKeys("IDLE");
        assertThat(http.open("PUT", "/_sim/variations", "{\"notRespondingShare\":0.8,\"communicatingShare\":0.8}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void meetingAndIdleHaveTheirPublicIdsAndDeactivatedTrueListsOnlyDeactivated() {
        JsonNode defs = SimHttp.tree(http.get("/api/v2/presence/definitions"));
        Map<String, String> bySystem = new HashMap<>();
        defs.get("entities").forEach(d -> {
            if (d.get("type").asText().equals("System")) {
                bySystem.put(d.get("systemPresence").asText(), d.get("id").asText());
            }
        });
        assertThat(bySystem).containsEntry("Meeting", "bbdff279-7ae1-48ea-bade-7831d7234c64")
                .containsEntry("Idle", "7ffa01cd-7866-4ad7-8faa-31e11b42f51f");
        JsonNode deactivated = SimHttp.tree(http.get("/api/v2/presence/definitions?deactivated=true"));
        assertThat(deactivated.get("entities")).isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("deactivated").asBoolean()).isTrue());
        assertThat(deactivated.get("total").asInt()).isEqualTo(deactivated.get("entities").size());
    }

    @Test
    void rateLimitHeadersCarryTheConfiguredBudget() {
        HttpResponse<String> ok = http.get("/api/v2/presence/definitions");
        assertThat(ok.headers().firstValue("inin-ratelimit-allowed")).contains("180");
    }

    @Test
    void the429WithoutRetryAfterThe504AndThe401CredentialsExpired() {
        sim.faults().script(ScriptedFault.of("getPresenceDefinitions0", 1, FaultKind.RATE_LIMIT_WITHOUT_RETRY_AFTER));
        HttpResponse<String> limited = http.get("/api/v2/presence/definitions");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isEmpty();
        assertThat(SimHttp.sdk(limited, ErrorBody.class).getCode()).isEqualTo("too.many.requests");

        sim.faults().script(ScriptedFault.of("putUsersPresencesBulk", 1, FaultKind.REQUEST_TIMEOUT));
        HttpResponse<String> timeout = http.call("PUT", "/api/v2/users/presences/bulk", "[]");
        assertThat(timeout.statusCode()).isEqualTo(504);
        assertThat(SimHttp.sdk(timeout, ErrorBody.class).getCode()).isEqualTo("request.timeout");

        sim.faults().script(ScriptedFault.of("*", 1, FaultKind.CREDENTIALS_EXPIRED));
        HttpResponse<String> expired = http.get("/api/v2/presence/definitions");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(SimHttp.sdk(expired, ErrorBody.class).getCode()).isEqualTo("credentials.expired");
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownEnumsAreOffByDefaultAndSwitchable() {
        assertThat(everything()).doesNotContain(UnknownEnums.SYSTEM_PRESENCE, UnknownEnums.PRESENCE_TYPE,
                UnknownEnums.ROUTING_STATUS, UnknownEnums.ACTIVITY_CATEGORY);

        http.open("PUT", "/_sim/variations", "{\"unknownEnums\":true}");
        // Agents On Queue keep their presence; move everyone to Available so a share shows the unknown one.
        users.forEach(u -> sim.org().setPresence(u, PresenceDefinition.AVAILABLE_ID, "test", "test"));
        String all = everything();
        assertThat(all).contains("\"systemPresence\":\"" + UnknownEnums.SYSTEM_PRESENCE + "\"",
                "\"type\":\"" + UnknownEnums.PRESENCE_TYPE + "\"", "\"status\":\"" + UnknownEnums.ROUTING_STATUS + "\"",
                "\"category\":\"" + UnknownEnums.ACTIVITY_CATEGORY + "\"");

        // An agent shown in the unknown presence can still be set, and then reads back what was set.
        String shown = users.stream().filter(u -> SimHttp.tree(http.get("/api/v2/users/" + u + "/presences/purecloud"))
                .at("/presenceDefinition/systemPresence").asText().equals(UnknownEnums.SYSTEM_PRESENCE))
                .findFirst().orElseThrow();
        String preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
        HttpResponse<String> set = http.call("PUT", "/api/v2/users/presences/bulk", "[{\"id\":\"" + shown
                + "\",\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}]");
        assertThat(SimHttp.tree(set).get(0).at("/presenceDefinition/id").asText()).isEqualTo(preBreak);
        assertThat(sim.presenceLog().forUser(shown)).last().extracting(c -> c.toPresenceId()).isEqualTo(preBreak);
    }

    private Map<String, Integer> routingCounts() {
        UserEntityListing listing = SimHttp.sdk(http.get("/api/v2/users?pageSize=500&expand=routingStatus"),
                UserEntityListing.class);
        Map<String, Integer> counts = new HashMap<>();
        listing.getEntities().forEach(u -> counts.merge(u.getRoutingStatus().getStatus().toString(), 1, Integer::sum));
        return counts;
    }

    /** Every answer a client reads enums from, as one string. */
    private String everything() {
        List<String> bodies = new ArrayList<>();
        bodies.add(http.get("/api/v2/presence/definitions").body());
        bodies.add(http.get("/api/v2/users?pageSize=500&expand=presence,routingStatus").body());
        for (var bu : sim.org().businessUnits()) {
            bodies.add(http.get("/api/v2/workforcemanagement/businessunits/" + bu.id() + "/activitycodes").body());
        }
        return String.join("\n", bodies);
    }
}
