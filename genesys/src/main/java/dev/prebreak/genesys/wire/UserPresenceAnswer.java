package dev.prebreak.genesys.wire;

import java.time.Instant;

/**
 * {@code UserPresence} / {@code UcUserPresence}: an agent's presence. In the bulk write's answer
 * {@code id} is the user's id; {@code userId} appears on the bulk read's answer. {@code modifiedDate}
 * is when the presence last changed, by Genesys' clock.
 */
public record UserPresenceAnswer(String id, String userId, String name, String source,
                                 PresenceRef presenceDefinition, String modifiedDate) {

    /** When the presence last changed; null when Genesys left it out. */
    public Instant modifiedAt(String field) {
        return modifiedDate == null ? null : WireTime.parse(modifiedDate, field);
    }

    /** The user this presence belongs to. */
    public String user() {
        return userId != null ? userId : id;
    }

    /** {@code PresenceDefinition} inside a user presence: systemPresence is spelled "On Queue" here. */
    public record PresenceRef(String id, String systemPresence) {
    }
}
