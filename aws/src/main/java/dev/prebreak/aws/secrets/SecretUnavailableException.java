package dev.prebreak.aws.secrets;

/** The credentials secret could not be read or does not hold what prebreak needs. Carries no secret text. */
public class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message) {
        super(message);
    }

    public SecretUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
