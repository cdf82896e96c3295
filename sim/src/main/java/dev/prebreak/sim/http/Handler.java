package dev.prebreak.sim.http;

/** Answers one matched request. Throw {@link ApiError} for error answers. */
@FunctionalInterface
public interface Handler {
    Reply handle(Request request);
}
