package dev.prebreak.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, headers, body bytes. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static Reply json(int status, Object body) {
        return new Reply(status, "application/json", Wire.bytes(body), new LinkedHashMap<>());
    }

    public static Reply json(Object body) {
        return json(200, body);
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    public static Reply noContent() {
        return new Reply(204, null, new byte[0], new LinkedHashMap<>());
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Reply withBody(byte[] newBody) {
        return new Reply(status, contentType, newBody, headers);
    }
}
