package dev.prebreak.core.gateway;

import java.util.Objects;

/**
 * One kind of API call, for counting: a route template ({@code /api/v2/users/{id}/presences/purecloud}),
 * never a path with ids in it, so that the kinds stay few whatever the org's size.
 *
 * @param status the HTTP status of the answer ("200", "429"), or "none" when no answer came (a broken connection)
 */
public record ApiCall(String method, String endpoint, String status) {
    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
    }
}
