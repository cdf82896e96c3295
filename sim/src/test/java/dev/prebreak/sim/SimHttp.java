package dev.prebreak.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP to a simulator, and the official SDK's ObjectMapper (strict) as the wire-format oracle. */
final class SimHttp {
    /** The SDK's own mapper and date format, made strict about unknown properties. */
    static final ObjectMapper SDK = ApiClient.buildObjectMapper(new ApiDateFormat())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Simulator sim;
    private final String clientId;
    private final String clientSecret;
    private String token;

    SimHttp(Simulator sim) {
        this(sim, sim.clientId(), sim.clientSecret());
    }

    /** Logs in as another OAuth client of the simulated org. */
    SimHttp(Simulator sim, String clientId, String clientSecret) {
        this.sim = sim;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    HttpResponse<String> login(String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(sim.baseUrl().resolve("/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    String token() {
        if (token == null) {
            token = freshToken();
        }
        return token;
    }

    String freshToken() {
        HttpResponse<String> r = login(clientId, clientSecret, "grant_type=client_credentials");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        token = tree(r).get("access_token").asText();
        return token;
    }

    HttpResponse<String> get(String path) {
        return call("GET", path, null);
    }

    HttpResponse<String> call(String method, String path, String body) {
        return callWithToken(method, path, body, token());
    }

    HttpResponse<String> callWithToken(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    /** Control API and download URLs: no token. */
    HttpResponse<String> open(String method, String pathOrUrl, String body) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(sim.baseUrl() + pathOrUrl);
        return send(HttpRequest.newBuilder(uri).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.body(), e);
        }
    }

    /** Deserializes with the SDK's strict mapper and checks no enum fell back to OutdatedSdkVersion. */
    static <T> T sdk(HttpResponse<String> r, Class<T> type) {
        try {
            T value = SDK.readValue(r.body(), type);
            assertThat(SDK.writeValueAsString(value)).doesNotContain("OutdatedSdkVersion");
            return value;
        } catch (IOException e) {
            throw new AssertionError("not a valid " + type.getSimpleName() + ": " + e.getMessage() + "\n" + r.body(), e);
        }
    }

    static <T> List<T> sdkList(HttpResponse<String> r, Class<T> type) {
        try {
            CollectionType listType = SDK.getTypeFactory().constructCollectionType(List.class, type);
            List<T> value = SDK.readValue(r.body(), listType);
            assertThat(SDK.writeValueAsString(value)).doesNotContain("OutdatedSdkVersion");
            return value;
        } catch (IOException e) {
            throw new AssertionError("not a valid List<" + type.getSimpleName() + ">: " + e.getMessage() + "\n"
                    + r.body(), e);
        }
    }

    static String json(Object value) {
        try {
            return SDK.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
