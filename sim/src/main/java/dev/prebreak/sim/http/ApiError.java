package dev.prebreak.sim.http;

/** An error answered with the Genesys error body ({@code message, code, status, contextId, details, errors}). */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    public ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad.request", message);
    }

    public static ApiError invalidValue(String message) {
        return new ApiError(400, "invalid.value", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not.found", message);
    }

    public static ApiError unauthorized() {
        return new ApiError(401, "bad.credentials", "Invalid login credentials.");
    }
}
