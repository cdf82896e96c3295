package dev.prebreak.sim.work;

/** Media types of ACD interactions, spelled on the wire as {@code UserConversationSummary} and utilization spell them. */
public enum Media {
    CALL("call"), CALLBACK("callback"), CHAT("chat"), MESSAGE("message"), EMAIL("email");

    private final String wire;

    Media(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
