package dev.prebreak.sim.org;

/**
 * Genesys system presences. Presence definitions spell on-queue {@code OnQueue}; user presences (and the
 * deprecated definitions API) spell it {@code On Queue}. Both spellings are kept here so each endpoint
 * can answer the way Genesys does.
 */
public enum SystemPresence {
    AVAILABLE("Available", "Available"),
    AWAY("Away", "Away"),
    BUSY("Busy", "Busy"),
    OFFLINE("Offline", "Offline"),
    IDLE("Idle", "Idle"),
    ON_QUEUE("OnQueue", "On Queue"),
    MEAL("Meal", "Meal"),
    TRAINING("Training", "Training"),
    MEETING("Meeting", "Meeting"),
    BREAK("Break", "Break");

    private final String definitionSpelling;
    private final String userPresenceSpelling;

    SystemPresence(String definitionSpelling, String userPresenceSpelling) {
        this.definitionSpelling = definitionSpelling;
        this.userPresenceSpelling = userPresenceSpelling;
    }

    /** As in {@code /api/v2/presence/definitions}. */
    public String definitionSpelling() {
        return definitionSpelling;
    }

    /** As in user presences ({@code /api/v2/users/{id}/presences/purecloud}). */
    public String userPresenceSpelling() {
        return userPresenceSpelling;
    }

    /** Accepts either spelling, case-insensitively. */
    public static SystemPresence parse(String text) {
        for (SystemPresence p : values()) {
            if (p.definitionSpelling.equalsIgnoreCase(text) || p.userPresenceSpelling.equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown system presence: " + text);
    }
}
