package dev.prebreak.genesys.wire;

/** One element of the bulk presence write: {@code MutableUserPresence} with the user's id. */
public record PresenceWrite(String id, String source, EntityRef presenceDefinition) {

    public static PresenceWrite purecloud(String userId, String presenceDefinitionId) {
        return new PresenceWrite(userId, "PURECLOUD", new EntityRef(presenceDefinitionId));
    }
}
