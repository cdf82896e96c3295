package dev.prebreak.sim.org;

/** Thrown when an id names nothing in the org (the HTTP layer answers 404 or 400 depending on where). */
public final class UnknownEntityException extends RuntimeException {
    public UnknownEntityException(String message) {
        super(message);
    }
}
