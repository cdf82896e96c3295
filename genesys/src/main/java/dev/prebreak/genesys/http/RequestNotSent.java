package dev.prebreak.genesys.http;

import dev.prebreak.core.gateway.GatewayException;

/**
 * A call given up before Genesys could act on it: never sent (the deadline came first, no connection
 * could be made), or sent only in attempts Genesys refused to process. A write that ends so certainly
 * did not land, and may be tried again.
 */
public final class RequestNotSent extends GatewayException {
    public RequestNotSent(String message) {
        super(message);
    }

    public RequestNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
