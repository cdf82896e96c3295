package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.config.InvalidConfigException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent names are personal data: loopback by default, and beyond it every request needs the access token. */
class StatusServerAccessTest {
    private static final String TOKEN = "k3Jq9-very-long-status-token-x7";
    private final DaemonTest.VirtualClock clock = new DaemonTest.VirtualClock(Instant.parse("2030-03-05T14:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> server("0.0.0.0", Optional.empty()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("--status-bind").hasMessageContaining("--status-token");
    }

    @Test
    void serveRefusesToBindBeyondLoopbackWithoutATokenBeforeStartingAnything(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("prebreak.yaml");
        Files.writeString(config, String.join("\n",
                "genesys: {region: 'http://127.0.0.1:9', clientId: test, clientSecret: 'env:SIM_SECRET'}",
                "scope: {businessUnits: [bu-1]}",
                "rules: [{name: breaks, categories: [Break], presence: Pre-Break}]",
                "state: {store: memory}",
                "dryRun: true",
                ""));
        Map<String, String> env = Map.of("SIM_SECRET", "x", "HOME", dir.toString());
        assertThat(dev.prebreak.cli.Main.run(env, "serve", "--config", config.toString(), "--status-bind", "0.0.0.0",
                "--status-port", "0")).isEqualTo(2);
        assertThat(dev.prebreak.cli.Main.run(env, "serve", "--config", config.toString(), "--status-bind", "0.0.0.0",
                "--status-port", "0", "--status-token", "env:STATUS_TOKEN")).as("a token that is not there").isEqualTo(2);
    }

    @Test
    void beyondLoopbackWithATokenItServes() throws Exception {
        try (StatusServer server = server("0.0.0.0", Optional.of(StatusToken.of(TOKEN)))) {
            assertThat(send(server, "/healthz", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void everyRequestWithoutTheTokenGets401AndWithItIsAnswered() throws Exception {
        try (StatusServer server = server("127.0.0.1", Optional.of(StatusToken.of(TOKEN)))) {
            for (String path : List.of("/", "/status", "/metrics", "/healthz", "/no-such-path")) {
                for (String authorization : new String[]{null, "Bearer wrong-token-but-long-enough", "Bearer " + TOKEN + "x",
                        "Basic " + basic("ops", "nope"), "Token " + TOKEN, "Bearer"}) {
                    HttpResponse<String> answer = send(server, path, authorization);
                    assertThat(answer.statusCode()).as("%s with %s", path, authorization).isEqualTo(401);
                    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"prebreak\", charset=\"UTF-8\"");
                    assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain("agent");
                }
            }
            assertThat(send(server, "/status", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            assertThat(send(server, "/metrics", "bearer " + TOKEN).statusCode()).isEqualTo(200);
            HttpResponse<String> page = send(server, "/", "Basic " + basic("anyone", TOKEN));
            assertThat(page.statusCode()).as("a browser's Basic login, the token as password").isEqualTo(200);
            assertThat(page.body()).doesNotContain(TOKEN);
            assertThat(send(server, "/healthz", "Bearer " + TOKEN).statusCode()).as("no tick yet, but admitted").isEqualTo(503);
        }
    }

    @Test
    void theTokenIsReadByReferenceAndNeverShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\n", StandardCharsets.UTF_8);
        StatusToken fromFile = StatusToken.read("file:" + file, Map.of());
        assertThat(fromFile.toString()).doesNotContain(TOKEN);
        StatusToken fromEnv = StatusToken.read("env:STATUS_TOKEN", Map.of("STATUS_TOKEN", TOKEN));
        for (StatusToken token : List.of(fromFile, fromEnv)) {
            assertThat(token.admits(new PlainHttpServer.Request("GET", "/", Map.of("authorization", "Bearer " + TOKEN)))).isTrue();
        }
        assertThatThrownBy(() -> StatusToken.read(TOKEN, Map.of())).as("the token itself, not a reference")
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("--status-token").message().doesNotContain(TOKEN);
        assertThatThrownBy(() -> StatusToken.read("env:MISSING", Map.of()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("MISSING");
        assertThatThrownBy(() -> StatusToken.read("env:SHORT", Map.of("SHORT", "abc123")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("shorter than 16").message().doesNotContain("abc123");
        assertThatThrownBy(() -> StatusToken.read("secretsmanager:x", Map.of())).isInstanceOf(InvalidConfigException.class);
    }

    private StatusServer server(String bind, Optional<StatusToken> token) throws Exception {
        return new StatusServer(bind, 0, List::of, clock, () -> MonotonicClock.epochNanos(clock.instant()), Duration.ofSeconds(60),
                StatusServer.READ_TIMEOUT, new StatusServer.Options(null, List.of(), token, StatusServer.PAGE_REFRESH));
    }

    private HttpResponse<String> send(StatusServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
