package dev.prebreak.genesys.wire;

/** The Platform API's error body, the same on every endpoint. */
public record ErrorBody(String message, String code, Integer status, String contextId) {
}
