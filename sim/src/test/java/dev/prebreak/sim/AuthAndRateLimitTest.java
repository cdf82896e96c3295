package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndRateLimitTest {

    @Test
    void goodCredentialsGetABearerToken() {
        try (Simulator sim = Fixtures.simulator().tokenLifetime(Duration.ofSeconds(600)).build().start()) {
            SimHttp http = new SimHttp(sim);
            HttpResponse<String> r = http.login(sim.clientId(), sim.clientSecret(), "grant_type=client_credentials");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = SimHttp.tree(r);
            assertThat(body.get("token_type").asText()).isEqualTo("bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(600);
            assertThat(body.get("access_token").asText()).hasSizeGreaterThan(30);
            assertThat(r.headers().firstValue("ININ-Correlation-Id")).isPresent();
        }
    }

    @Test
    void badCredentialsAndGrantTypesAreRefused() {
        try (Simulator sim = Fixtures.simulator().build().start()) {
            SimHttp http = new SimHttp(sim);
            HttpResponse<String> bad = http.login(sim.clientId(), "wrong", "grant_type=client_credentials");
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(SimHttp.tree(bad).get("error").asText()).isEqualTo("invalid_client");
            assertThat(SimHttp.tree(bad).get("error_description").asText()).isEqualTo("authentication failed");

            HttpResponse<String> grant = http.login(sim.clientId(), sim.clientSecret(), "grant_type=password");
            assertThat(grant.statusCode()).isEqualTo(400);
            assertThat(SimHttp.tree(grant).get("error").asText()).isEqualTo("unsupported_grant_type");

            HttpResponse<String> none = http.callWithToken("GET", "/api/v2/presence/definitions", null, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(SimHttp.sdk(none, ErrorBody.class).getCode()).isEqualTo("bad.credentials");
        }
    }

    @Test
    void tokensExpireOnTheSimClockAndCanBeRevoked() {
        try (Simulator sim = Fixtures.simulator().tokenLifetime(Duration.ofSeconds(300)).build().start()) {
            SimHttp http = new SimHttp(sim);
            String token = http.token();
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
            sim.clock().advance(Duration.ofSeconds(299));
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
            sim.clock().advance(Duration.ofSeconds(1));
            assertThat(http.callWithToken("GET", "/api/v2/presence/definitions", null, token).statusCode()).isEqualTo(401);

            http.freshToken();
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
            sim.revokeTokens();
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(401);
            http.freshToken();
            assertThat(http.open("POST", "/_sim/tokens/revoke", null).statusCode()).isEqualTo(204);
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void rateLimitPerTokenWithHeadersAndRetryAfter() {
        try (Simulator sim = Fixtures.simulator().rateLimitPerMinute(5).build().start()) {
            sim.clock().set(Fixtures.T0.plusSeconds(20));
            SimHttp http = new SimHttp(sim);
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> ok = http.get("/api/v2/presence/definitions");
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("inin-ratelimit-allowed")).contains("5");
                assertThat(ok.headers().firstValue("inin-ratelimit-count")).contains(String.valueOf(i));
                assertThat(ok.headers().firstValue("inin-ratelimit-reset")).contains("40");
            }
            HttpResponse<String> limited = http.get("/api/v2/presence/definitions");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).contains("40");
            ErrorBody body = SimHttp.sdk(limited, ErrorBody.class);
            assertThat(body.getCode()).isEqualTo("too.many.requests.retry.after");
            assertThat(body.getMessage()).isEqualTo("Rate limit exceeded the maximum. Retry the request in [40] seconds");
            assertThat(limited.headers().firstValue("ININ-Correlation-Id")).isPresent();

            // Another token has its own budget; the window resets on the sim clock.
            SimHttp other = new SimHttp(sim);
            assertThat(other.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
            sim.clock().advance(Duration.ofSeconds(40));
            assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
            assertThat(sim.requestStats().count("GET /api/v2/presence/definitions", 429)).isEqualTo(1);
        }
    }
}
