package dev.prebreak.core.audit;

/** An audit that cannot be read; the message says which and why, and never holds a secret. */
public final class AuditUnreadableException extends RuntimeException {
    public AuditUnreadableException(String message) {
        super(message);
    }

    public AuditUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
