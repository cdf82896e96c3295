package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.PresenceChange;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.RoutingStatus;
import dev.prebreak.sim.org.SystemPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceBehaviourTest {
    private Simulator sim;
    private SimHttp http;
    private List<String> users;
    private String preBreak;

    @BeforeEach
    void start() {
        sim = Fixtures.simulator().rateLimitPerMinute(0).build().start();
        http = new SimHttp(sim);
        users = sim.org().userIds();
        preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void leavingTheQueueKeepsTheInteractionUntilItEnds() {
        String user = users.get(0);
        sim.org().setPresence(user, PresenceDefinition.ON_QUEUE_ID, "test", "test");
        sim.org().setInteractionsEnabled(user, false);
        sim.org().startInteraction(user, Duration.ofMinutes(5));
        assertThat(routing(user)).isEqualTo("INTERACTING");

        HttpResponse<String> patched = http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(routing(user)).isEqualTo("INTERACTING");

        sim.clock().advance(Duration.ofMinutes(5));
        assertThat(routing(user)).isEqualTo("OFF_QUEUE");
        JsonNode rs = SimHttp.tree(http.get("/api/v2/users/" + user + "/routingstatus"));
        assertThat(rs.get("startTime").asText()).isEqualTo("2026-11-24T15:05:00.000Z");

        http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + PresenceDefinition.ON_QUEUE_ID + "\"}}");
        assertThat(routing(user)).isEqualTo("IDLE");
    }

    @Test
    void interactionsAreOfferedOnlyOnQueueAndDeterministically() {
        String user = users.get(1);
        sim.org().setPresence(user, PresenceDefinition.ON_QUEUE_ID, "test", "test");
        sim.org().endInteraction(user);
        int interacting = 0;
        StringBuilder trace = new StringBuilder();
        for (int minute = 0; minute < 120; minute++) {
            sim.clock().advance(Duration.ofMinutes(1));
            AgentState s = sim.org().requireState(user);
            trace.append(s.routingStatus().name().charAt(0));
            if (s.routingStatus() == RoutingStatus.INTERACTING) {
                interacting++;
            }
        }
        assertThat(interacting).isBetween(30, 115);

        sim.org().setPresence(user, PresenceDefinition.AWAY_ID, "test", "test");
        sim.clock().advance(Duration.ofMinutes(15));
        for (int minute = 0; minute < 60; minute++) {
            sim.clock().advance(Duration.ofMinutes(1));
            assertThat(sim.org().requireState(user).routingStatus()).isEqualTo(RoutingStatus.OFF_QUEUE);
        }

        // Same seed, same moves, same interactions.
        try (Simulator twin = Fixtures.simulator().build().start()) {
            twin.org().setPresence(user, PresenceDefinition.ON_QUEUE_ID, "test", "test");
            twin.org().endInteraction(user);
            StringBuilder twinTrace = new StringBuilder();
            for (int minute = 0; minute < 120; minute++) {
                twin.clock().advance(Duration.ofMinutes(1));
                twinTrace.append(twin.org().requireState(user).routingStatus().name().charAt(0));
            }
            assertThat(twinTrace.toString()).isEqualTo(trace.toString());
        }
    }

    @Test
    void bulkWriteAnswersOnlyKnownUsersAndEnforcesTheLimit() {
        String body = "[{\"id\":\"" + users.get(0) + "\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\""
                + preBreak + "\"}},{\"id\":\"00000000-0000-4000-8000-000000000000\",\"source\":\"PURECLOUD\","
                + "\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}]";
        JsonNode answer = SimHttp.tree(http.call("PUT", "/api/v2/users/presences/bulk", body));
        assertThat(answer).hasSize(1);
        assertThat(answer.get(0).get("id").asText()).isEqualTo(users.get(0));

        assertThat(http.call("PUT", "/api/v2/users/presences/bulk", entries(51, preBreak)).statusCode()).isEqualTo(400);
        assertThat(http.call("PUT", "/api/v2/users/presences/bulk", entries(50, preBreak)).statusCode()).isEqualTo(200);

        StringJoiner ids = new StringJoiner(",");
        users.subList(0, 51).forEach(ids::add);
        assertThat(http.get("/api/v2/users/presences/purecloud/bulk?id=" + ids).statusCode()).isEqualTo(400);
    }

    @Test
    void invalidPresenceIdsAreRejectedAndChangeNothing() {
        String user = users.get(2);
        String retired = sim.org().presenceDefinitions().stream().filter(PresenceDefinition::deactivated)
                .findFirst().orElseThrow().id();
        int before = sim.presenceLog().size();
        assertThat(http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"nope\"}}").statusCode()).isEqualTo(400);
        assertThat(http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + retired + "\"}}").statusCode()).isEqualTo(400);
        assertThat(http.call("PUT", "/api/v2/users/presences/bulk", "[{\"id\":\"" + user
                + "\",\"presenceDefinition\":{\"id\":\"nope\"}}]").statusCode()).isEqualTo(400);
        assertThat(http.call("PATCH", "/api/v2/users/unknown-user/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}").statusCode()).isEqualTo(404);
        assertThat(sim.presenceLog().size()).isEqualTo(before);
    }

    @Test
    void groundTruthLogRecordsEveryWrite() {
        String user = users.get(3);
        sim.org().setPresence(user, PresenceDefinition.ON_QUEUE_ID, "setup", "setup");
        sim.clock().advance(Duration.ofSeconds(30));
        http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}");
        sim.clock().advance(Duration.ofSeconds(30));
        http.call("PUT", "/api/v2/users/presences/bulk", "[{\"id\":\"" + user + "\",\"source\":\"PURECLOUD\","
                + "\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}]");
        List<PresenceChange> changes = sim.presenceLog().forUser(user);
        assertThat(changes).hasSize(3);
        PresenceChange patch = changes.get(1);
        assertThat(patch.fromPresenceId()).isEqualTo(PresenceDefinition.ON_QUEUE_ID);
        assertThat(patch.fromSystemPresence()).isEqualTo(SystemPresence.ON_QUEUE);
        assertThat(patch.toPresenceId()).isEqualTo(preBreak);
        assertThat(patch.toSystemPresence()).isEqualTo(SystemPresence.BREAK);
        assertThat(patch.at()).isEqualTo(Fixtures.T0.plusSeconds(30));
        assertThat(patch.clientId()).isEqualTo(sim.clientId());
        assertThat(changes.get(2).redundant()).isTrue();
        assertThat(changes.get(2).endpoint()).isEqualTo("PUT /api/v2/users/presences/bulk");
        assertThat(sim.presenceLog().since(Fixtures.T0.plusSeconds(60))).extracting(PresenceChange::userId).contains(user);
    }

    private String entries(int n, String presenceId) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            j.add("{\"id\":\"" + users.get(i) + "\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\""
                    + presenceId + "\"}}");
        }
        return j.toString();
    }

    private String routing(String user) {
        return SimHttp.tree(http.get("/api/v2/users/" + user + "/routingstatus")).get("status").asText();
    }
}
