package dev.prebreak.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed request as handlers see it. {@code clientId} is set once the bearer token is checked. */
public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String endpoint;
    private final String correlationId;
    private String clientId;

    Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
            Map<String, List<String>> headers, byte[] body, String endpoint, String correlationId) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.endpoint = endpoint;
        this.correlationId = correlationId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String param(String name) {
        return pathParams.get(name);
    }

    /** All values of a query parameter; comma-separated values are split, as Genesys accepts both forms. */
    public List<String> queryList(String name) {
        List<String> out = new ArrayList<>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    public Optional<String> query(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean queryFlag(String name) {
        return query(name).map(Boolean::parseBoolean).orElse(false);
    }

    public int queryInt(String name, int fallback) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw ApiError.invalidValue("Value [" + v.get() + "] is not valid for field type [Integer]. "
                    + "Allowable values are: integer numbers");
        }
    }

    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    public byte[] body() {
        return body;
    }

    /** Binds the JSON body strictly: malformed JSON and unknown properties are 400s, as in Genesys. */
    public <T> T bodyAs(Class<T> type) {
        return bind(() -> Wire.REQUESTS.readValue(body, type));
    }

    public <T> T bodyAs(com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return bind(() -> Wire.REQUESTS.readValue(body, type));
    }

    private interface Binding<T> {
        T read() throws IOException;
    }

    private <T> T bind(Binding<T> binding) {
        String malformed = "The request could not be understood by the server due to malformed syntax.";
        if (body.length == 0) {
            throw ApiError.badRequest(malformed);
        }
        try {
            T value = binding.read();
            if (value == null) {
                throw ApiError.badRequest(malformed);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.badRequest("Unrecognized field \"" + e.getPropertyName() + "\"");
        } catch (IOException e) {
            throw ApiError.badRequest(malformed);
        }
    }

    /** Endpoint template this request matched, e.g. {@code GET /api/v2/users/{userId}/routingstatus}. */
    public String endpoint() {
        return endpoint;
    }

    public String correlationId() {
        return correlationId;
    }

    public String clientId() {
        return clientId;
    }

    void authenticatedAs(String clientId) {
        this.clientId = clientId;
    }
}
