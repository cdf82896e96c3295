package dev.prebreak.genesys.wire;

/**
 * {@code UserPresence} / {@code UcUserPresence}: an agent's presence. In the bulk write's answer
 * {@code id} is the user's id; {@code userId} appears on the bulk read's answer.
 */
public record UserPresenceAnswer(String id, String userId, String name, String source,
                                 PresenceRef presenceDefinition) {

    /** The user this presence belongs to. */
    public String user() {
        return userId != null ? userId : id;
    }

    /** {@code PresenceDefinition} inside a user presence: systemPresence is spelled "On Queue" here. */
    public record PresenceRef(String id, String systemPresence) {
    }
}
