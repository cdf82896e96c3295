package dev.prebreak.genesys.wire;

/**
 * An answer that does not have the shape the API promises: bad JSON, a wrong type, a missing
 * required field, an unknown enum value. The caller adds which call it was.
 */
public final class WireException extends RuntimeException {
    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails with a clear message when a field the mapping depends on is absent. */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new WireException("required field '" + field + "' is missing");
        }
        return value;
    }
}
