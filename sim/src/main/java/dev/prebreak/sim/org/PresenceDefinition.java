package dev.prebreak.sim.org;

import java.util.Map;

/** An organization presence definition: a system presence or a custom secondary one under a system presence. */
public record PresenceDefinition(String id, String name, boolean system, Map<String, String> languageLabels,
                                 SystemPresence systemPresence, String divisionId, boolean deactivated) {

    /** The system presence definitions with the ids Genesys uses in every org. */
    public static final String ON_QUEUE_ID = "e08eaf1b-ee47-4fa9-a231-1200e284798f";
    public static final String AVAILABLE_ID = "6a3af858-942f-489d-9700-5f9bcdcdae9b";
    public static final String BREAK_ID = "227b37e2-f1d0-4dd0-8f50-badd7cf6d158";
    public static final String MEAL_ID = "3fd96123-badb-4f69-bc03-1b1ccc6d8014";
    public static final String TRAINING_ID = "d2390a99-8546-bad9-8f0a-219548e8aeb0";
    public static final String OFFLINE_ID = "ccf3c10a-aa2c-4845-8e8d-f59fa48c58e5";
    // Away, Busy, Meeting and Idle as public code shows them (shared/reference/genesys-sdk262-models.md;
    // Meeting and Idle from one source only, a Terraform provider unit test). Clients look definitions up
    // anyway; these keep the simulated org looking like a real one.
    public static final String AWAY_ID = "5e5c5c66-ea97-4e7f-ac41-6424784829f2";
    public static final String BUSY_ID = "31fe3bac-dea6-44b7-bed7-47f91660a1a0";
    public static final String MEETING_ID = "bbdff279-7ae1-48ea-bade-7831d7234c64";
    public static final String IDLE_ID = "7ffa01cd-7866-4ad7-8faa-31e11b42f51f";

    public static PresenceDefinition system(String id, SystemPresence presence, String label, String divisionId) {
        return new PresenceDefinition(id, label, true, Map.of("en_US", label), presence, divisionId, false);
    }

    public static PresenceDefinition custom(String id, SystemPresence under, String label, String divisionId,
                                            boolean deactivated) {
        return new PresenceDefinition(id, label, false, Map.of("en_US", label), under, divisionId, deactivated);
    }

    public boolean onQueue() {
        return systemPresence == SystemPresence.ON_QUEUE;
    }
}
