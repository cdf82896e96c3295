package dev.prebreak.aws.config;

/** The configuration's SSM parameter could not be read (missing, not allowed, SSM unreachable). */
public final class ConfigUnavailableException extends RuntimeException {
    public ConfigUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
