package dev.prebreak.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.schedule.ActivityCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers the simulator does not give (it never pages smaller than asked, never answers Canceled),
 * from a scripted local server.
 */
class StubbedApiTest {
    private HttpServer server;
    private final Map<String, Function<HttpExchange, String>> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private GenesysClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            authorizations.add(path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            Function<HttpExchange, String> answer = path.equals("/oauth/token")
                    ? x -> "{\"access_token\":\"tok\",\"token_type\":\"bearer\",\"expires_in\":86399}"
                    : answers.get(path);
            byte[] body = answer == null ? "{\"status\":404,\"code\":\"not.found\",\"message\":\"no\"}".getBytes(StandardCharsets.UTF_8)
                    : answer.apply(exchange).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = GenesysClient.builder().region("http://127.0.0.1:" + server.getAddress().getPort())
                .credentials("stub-client", "stub-secret")
                .clock(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC))
                .sleeper(d -> { })
                .build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String query(HttpExchange x, String name) {
        for (String part : x.getRequestURI().getQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void followsUserPagesWhenTheApiPagesSmallerThanAsked() {
        answers.put("/api/v2/users", x -> {
            int page = Integer.parseInt(query(x, "pageNumber"));
            return "{\"entities\":[{\"id\":\"u" + (2 * page - 1) + "\"},{\"id\":\"u" + (2 * page) + "\"}],"
                    + "\"pageSize\":2,\"pageNumber\":" + page + ",\"total\":6,\"pageCount\":3}";
        });
        var states = client.agentStates(List.of("u1", "u2", "u3", "u4", "u5", "u6"));
        assertThat(states).containsOnlyKeys("u1", "u2", "u3", "u4", "u5", "u6");
        assertThat(states.get("u3").presenceId()).isNull();
        assertThat(states.get("u3").routingStatus()).isNull();
        assertThat(requests).filteredOn(r -> r.startsWith("GET /api/v2/users")).hasSize(3)
                .allMatch(r -> r.contains("expand=presence,routingStatus") && r.contains("id=u6"));
    }

    @Test
    void pagesThroughPresenceDefinitions() {
        answers.put("/api/v2/presence/definitions", x -> {
            int page = Integer.parseInt(query(x, "pageNumber"));
            int size = Integer.parseInt(query(x, "pageSize"));
            StringBuilder entities = new StringBuilder();
            int first = (page - 1) * size;
            for (int i = first; i < Math.min(first + size, 130); i++) {
                entities.append(entities.length() == 0 ? "" : ",").append("{\"id\":\"p").append(i)
                        .append("\",\"type\":\"User\",\"systemPresence\":\"Away\",\"languageLabels\":{\"en_US\":\"P")
                        .append(i).append("\"}}");
            }
            return "{\"total\":130,\"entities\":[" + entities + "]}";
        });
        List<PresenceDefinition> definitions = client.presenceDefinitions();
        assertThat(definitions).hasSize(130);
        assertThat(definitions.get(129).label()).isEqualTo("P129");
        assertThat(requests).filteredOn(r -> r.startsWith("GET /api/v2/presence/definitions")).hasSize(2);
    }

    @Test
    void followsTheActivityCodesDownloadUrlWithoutAuthorization() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put("/api/v2/workforcemanagement/businessunits/bu/activitycodes",
                x -> "{\"entities\":[],\"downloadUrl\":\"" + base + "/storage/codes.json?X-Amz-Signature=abc\"}");
        answers.put("/storage/codes.json", x -> "{\"entities\":[{\"id\":\"1\",\"name\":\"Break\",\"category\":\"Break\","
                + "\"active\":true},{\"id\":\"a1b2\",\"name\":\"Future\",\"category\":\"Teleport\",\"active\":false}]}");

        List<ActivityCode> codes = client.activityCodes("bu");
        assertThat(codes).extracting(ActivityCode::id).containsExactly("1", "a1b2");
        assertThat(codes.get(1).category()).isNull();
        assertThat(codes.get(1).active()).isFalse();
        assertThat(authorizations).contains("/storage/codes.json null");
        assertThat(authorizations).contains("/api/v2/workforcemanagement/businessunits/bu/activitycodes Bearer tok");
    }

    @Test
    void canceledAndErrorSearchesFail() {
        for (String status : List.of("Canceled", "Error")) {
            answers.put("/api/v2/workforcemanagement/businessunits/bu/agentschedules/search",
                    x -> "{\"status\":\"" + status + "\",\"operationId\":\"op-9\"}");
            assertThatThrownBy(() -> client.schedules("bu", List.of("u1"), Instant.parse("2026-11-24T12:00:00Z"),
                    Instant.parse("2026-11-24T20:00:00Z")))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("answered status " + status)
                    .hasMessageContaining("op-9");
        }
        answers.put("/api/v2/workforcemanagement/businessunits/bu/agentschedules/search",
                x -> "{\"status\":\"Complete\",\"result\":{\"agentSchedules\":[{\"user\":{\"id\":\"u1\"},\"shifts\":"
                        + "[{\"activities\":[{\"startDate\":\"2026-11-24T13:00:00Z\",\"lengthMinutes\":\"15\"}]}]}]}}");
        assertThatThrownBy(() -> client.schedules("bu", List.of("u1"), Instant.parse("2026-11-24T12:00:00Z"),
                Instant.parse("2026-11-24T20:00:00Z")))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("POST /api/v2/workforcemanagement/businessunits/bu/agentschedules/search gave a malformed answer")
                .hasMessageContaining("lengthMinutes");
    }
}
