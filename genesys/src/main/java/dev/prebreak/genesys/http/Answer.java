package dev.prebreak.genesys.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A response as received: status, headers and the whole body. */
public record Answer(int status, HttpHeaders headers, byte[] body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        // HttpHeaders matches names ignoring case, so "retry-after" and "Retry-After" are the same.
        return headers.firstValue(name);
    }

    public String correlationId() {
        return header("ININ-Correlation-Id").orElse("none");
    }
}
