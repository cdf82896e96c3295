package dev.prebreak.genesys.wire;

/** {@code RoutingStatus}: an agent's ACD routing status. */
public record RoutingStatusAnswer(String userId, String status, String startTime) {
}
