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
            // An answer may start with "HTTP nnn " to set its status; 200 otherwise.
            String text = answer == null ? "HTTP 404 {\"status\":404,\"code\":\"not.found\",\"message\":\"no\"}"
                    : answer.apply(exchange);
            int status = text.startsWith("HTTP ") ? Integer.parseInt(text.substring(5, 8)) : 200;
            byte[] body = (text.startsWith("HTTP ") ? text.substring(9) : text).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
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
    void readsPresenceDefinitionsInOneCallWithEveryLabelAndNoPaging() {
        answers.put("/api/v2/presence/definitions", x -> {
            StringBuilder entities = new StringBuilder();
            for (int i = 0; i < 130; i++) {
                entities.append(entities.length() == 0 ? "" : ",").append("{\"id\":\"p").append(i)
                        .append("\",\"type\":\"User\",\"systemPresence\":\"Away\",\"languageLabels\":{\"en_US\":\"P")
                        .append(i).append("\",\"de_DE\":\"D").append(i).append("\"}}");
            }
            return "{\"total\":130,\"entities\":[" + entities + "]}";
        });
        List<PresenceDefinition> definitions = client.presenceDefinitions();
        assertThat(definitions).hasSize(130);
        assertThat(definitions.get(129).label()).isEqualTo("P129");
        assertThat(definitions.get(129).labels()).containsExactly("P129", "D129");
        assertThat(requests).filteredOn(r -> r.startsWith("GET /api/v2/presence/definitions"))
                .containsExactly("GET /api/v2/presence/definitions?localeCode=ALL");
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

    private static String requestBody(HttpExchange x) {
        try {
            return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A schedule search answer for the users in the request, one 15-minute break each at 13:00. */
    private static String schedulesOf(String requestBody) {
        StringBuilder agents = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(u\\d+)\"").matcher(requestBody);
        while (m.find()) {
            agents.append(agents.length() == 0 ? "" : ",").append("{\"user\":{\"id\":\"").append(m.group(1))
                    .append("\"},\"shifts\":[{\"startDate\":\"2026-11-24T09:00:00Z\",\"lengthMinutes\":480,\"activities\":"
                            + "[{\"startDate\":\"2026-11-24T13:00:00Z\",\"lengthMinutes\":15,\"activityCodeId\":\"1\"}]}]}");
        }
        return "{\"status\":\"Complete\",\"result\":{\"agentSchedules\":[" + agents + "]}}";
    }

    private static final String SEARCH_PATH = "/api/v2/workforcemanagement/businessunits/bu/agentschedules/search";
    private static final String UNNAMED_REFUSAL = "HTTP 400 {\"status\":400,\"code\":\"bad.request\","
            + "\"message\":\"One or more users are not in the business unit\"}";

    @Test
    void aRefusalThatNamesNobodyIsNarrowedDownByHalvingAndOnlyThatAgentIsLeftOut() {
        answers.put(SEARCH_PATH, x -> {
            String body = requestBody(x);
            return body.contains("\"u3\"") ? UNNAMED_REFUSAL : schedulesOf(body);
        });
        List<String> users = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8");

        var schedules = client.schedules("bu", users, Instant.parse("2026-11-24T12:00:00Z"), Instant.parse("2026-11-24T20:00:00Z"));

        assertThat(schedules).extracting(s -> s.userId()).containsExactlyInAnyOrder("u1", "u2", "u4", "u5", "u6", "u7", "u8");
        // 8 refused; 4 (u1-u4) refused, 4 (u5-u8) answered; 2 (u1,u2) answered, 2 (u3,u4) refused; u3 refused, u4 answered.
        assertThat(requests).filteredOn(r -> r.startsWith("POST " + SEARCH_PATH)).hasSize(7);
    }

    @Test
    void aRefusalOfEveryAgentThatNamesNobodyIsAboutTheSearchAndFailsIt() {
        answers.put(SEARCH_PATH, x -> UNNAMED_REFUSAL);

        assertThatThrownBy(() -> client.schedules("bu", List.of("u1", "u2"), Instant.parse("2026-11-24T12:00:00Z"),
                Instant.parse("2026-11-24T20:00:00Z")))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("HTTP 400 bad.request: One or more users are not in the business unit");
    }

    @Test
    void searchesFromTheLongestShiftBeforeTheWindowAndKeepsOnlyShiftsOverlappingIt() {
        List<String> bodies = new CopyOnWriteArrayList<>();
        answers.put(SEARCH_PATH, x -> {
            bodies.add(requestBody(x));
            return "{\"status\":\"Complete\",\"result\":{\"agentSchedules\":[{\"user\":{\"id\":\"u1\"},\"shifts\":["
                    + "{\"startDate\":\"2026-11-23T09:00:00Z\",\"lengthMinutes\":480,\"activities\":[{\"startDate\":"
                    + "\"2026-11-23T13:00:00Z\",\"lengthMinutes\":15,\"activityCodeId\":\"1\"}]},"
                    + "{\"startDate\":\"2026-11-23T22:00:00Z\",\"lengthMinutes\":900,\"activities\":[{\"startDate\":"
                    + "\"2026-11-24T12:30:00Z\",\"lengthMinutes\":15,\"activityCodeId\":\"1\"}]}]}]}}";
        });

        var schedules = client.schedules("bu", List.of("u1"), Instant.parse("2026-11-24T11:00:00Z"),
                Instant.parse("2026-11-24T13:00:00Z"));

        assertThat(bodies).singleElement().asString().contains("\"startDate\":\"2026-11-23T11:00:00.000Z\"");
        // Yesterday's day shift ended before the window: dropped. The overnight one still runs: kept.
        assertThat(schedules).singleElement().satisfies(s -> assertThat(s.activities())
                .extracting(a -> a.start().toString()).containsExactly("2026-11-24T12:30:00Z"));
    }

    @Test
    void aBulkWriteAnswerWhoseIdsAreNoneOfItsUsersIsCheckedByReadingThePresencesBack() {
        answers.put("/api/v2/users/presences/bulk", x -> {
            requestBody(x);
            return "[{\"id\":\"presence-1\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\"pb\"}},"
                    + "{\"id\":\"presence-2\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\"pb\"}}]";
        });
        answers.put("/api/v2/users/presences/purecloud/bulk", x -> "[{\"id\":\"presence-1\",\"userId\":\"u1\","
                + "\"presenceDefinition\":{\"id\":\"pb\"}},{\"id\":\"presence-2\",\"userId\":\"u2\","
                + "\"presenceDefinition\":{\"id\":\"other\"}}]");
        PresenceDefinition preBreak = new PresenceDefinition("pb", "Pre-Break",
                dev.prebreak.core.presence.SystemPresence.BREAK, false, false);

        var outcomes = client.setPresences(List.of(new dev.prebreak.core.gateway.PresenceChange("u1", preBreak),
                new dev.prebreak.core.gateway.PresenceChange("u2", preBreak)));

        assertThat(outcomes).extracting(o -> o.userId() + " " + (o.applied() ? "applied" : o.uncertain() ? "uncertain" : "failed"))
                .containsExactly("u1 applied", "u2 uncertain");
        assertThat(requests).contains("GET /api/v2/users/presences/purecloud/bulk?id=u1&id=u2");
    }

    @Test
    void aBulkWriteAnswerThatNamesItsUsersIsTakenAsItIsWithoutAReadBack() {
        answers.put("/api/v2/users/presences/bulk", x -> {
            requestBody(x);
            return "[{\"id\":\"u1\",\"presenceDefinition\":{\"id\":\"pb\"}}]";
        });
        PresenceDefinition preBreak = new PresenceDefinition("pb", "Pre-Break",
                dev.prebreak.core.presence.SystemPresence.BREAK, false, false);

        var outcomes = client.setPresences(List.of(new dev.prebreak.core.gateway.PresenceChange("u1", preBreak),
                new dev.prebreak.core.gateway.PresenceChange("u2", preBreak)));

        assertThat(outcomes).extracting(o -> o.userId() + " " + (o.applied() ? "applied" : o.uncertain() ? "uncertain" : "failed"))
                .containsExactly("u1 applied", "u2 uncertain");
        assertThat(requests).noneMatch(r -> r.contains("/presences/purecloud/bulk"));
    }
}
