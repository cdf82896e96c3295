package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.GatewayException;
import java.util.Optional;

/** Genesys answered a call with an error status; the message names the call, the status, Genesys' code and message. */
public final class ApiFailure extends GatewayException {
    private final int status;
    private final String code;
    private final String answer;

    public ApiFailure(String message, int status) {
        this(message, status, null, "");
    }

    /**
     * @param code Genesys' error code ({@code missing.any.permissions}), null when the body had none
     * @param answer the error body as text, for callers that look for what it names (user ids); never
     *        in the message, since a body may echo more than a log should hold
     */
    public ApiFailure(String message, int status, String code, String answer) {
        super(message);
        this.status = status;
        this.code = code;
        this.answer = answer == null ? "" : answer;
    }

    public int status() {
        return status;
    }

    /** Genesys' error code, if the body had one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** The error body as text (empty if none). */
    public String answer() {
        return answer;
    }

    /**
     * Whether the answer says the request did not take effect: Genesys refused it (a 4xx other than a
     * 408 timeout), throttled it (429) or was unavailable (503). A 500, 502 or 504 says nothing either way.
     */
    public boolean notApplied() {
        return (status >= 400 && status < 500 && status != 408) || status == 503;
    }
}
