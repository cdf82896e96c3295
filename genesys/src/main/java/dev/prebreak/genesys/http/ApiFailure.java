package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.GatewayException;

/** Genesys answered a call with an error status; the message names the call, the status, Genesys' code and message. */
public final class ApiFailure extends GatewayException {
    private final int status;

    public ApiFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * Whether the answer says the request did not take effect: Genesys refused it (a 4xx other than a
     * 408 timeout), throttled it (429) or was unavailable (503). A 500, 502 or 504 says nothing either way.
     */
    public boolean notApplied() {
        return (status >= 400 && status < 500 && status != 408) || status == 503;
    }
}
