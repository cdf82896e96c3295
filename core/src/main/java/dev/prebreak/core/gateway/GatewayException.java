package dev.prebreak.core.gateway;

/**
 * Genesys Cloud could not be read or written as needed: bad credentials, a missing permission, an
 * answer that does not parse, retries exhausted, the tick's deadline passed. The message says which
 * call and why, and never carries a secret.
 */
public class GatewayException extends RuntimeException {
    public GatewayException(String message) {
        super(message);
    }

    public GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
