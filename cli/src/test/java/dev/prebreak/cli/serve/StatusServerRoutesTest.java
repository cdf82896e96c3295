package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the status server answers over HTTP: exact routes, methods, and clients that send half a request. */
class StatusServerRoutesTest {
    private final DaemonTest.VirtualClock clock = new DaemonTest.VirtualClock(Instant.parse("2026-11-24T12:00:07Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private StatusServer server;

    @BeforeEach
    void start() throws IOException {
        server = new StatusServer("127.0.0.1", 0, List::of, clock, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aHalfSentRequestDoesNotHoldUpHealthzOrStatus() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII)); // no blank line: never finished
            out.flush();

            // Answered from another thread while the slow client still holds its connection.
            HttpResponse<String> health = send("GET", "/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("no tick has run yet");
            assertThat(send("GET", "/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyTheExactRoutesExist() throws Exception {
        for (String path : List.of("/index.html", "//", "/healthz/", "/healthzz", "/status/x", "/statusx", "/metrics/", "/metricsx")) {
            HttpResponse<String> answer = send("GET", path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(answer.body()).as(path).contains("\"error\"").contains("/healthz").contains("/status").contains("/metrics");
        }
        assertThat(send("GET", "/").headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(send("GET", "/metrics").headers().firstValue("Content-Type")).get().asString().startsWith("text/plain; version=0.0.4");
        assertThat(send("GET", "/healthz?verbose=1").statusCode()).as("a query does not change the route").isEqualTo(503);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> answer = send(method, "/healthz");
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
            assertThat(answer.headers().firstValue("Content-Type")).as(method).hasValue("application/json");
            assertThat(answer.body()).as(method).contains("\"error\"").contains(method);
        }
        HttpResponse<String> head = send("HEAD", "/status");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, body).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
