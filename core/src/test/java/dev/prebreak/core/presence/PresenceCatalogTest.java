package dev.prebreak.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a rule's presence is found: by id, or by any of its labels in any language. */
class PresenceCatalogTest {
    private static final PresenceDefinition BREAK = new PresenceDefinition("227b37e2-f1d0-4dd0-8f50-badd7cf6d158", "Break",
            SystemPresence.BREAK, true, false, List.of("Pause"), null);
    private static final PresenceDefinition PRE_BREAK = new PresenceDefinition("5c0e7a3b-91d4-4f2a-b6e8-3a7d9c1f0e52",
            "Pre-Break", SystemPresence.BREAK, false, false, List.of("Pre-Break", "Avant la pause", "Vor der Pause"), "div-1");
    private static final PresenceDefinition RETIRED = new PresenceDefinition("0d9b6f21-7e3c-4a85-9c4d-8b2e5f1a6c73",
            "Bientôt en pause", SystemPresence.AWAY, false, true, List.of(), null);
    private static final PresenceCatalog CATALOG = PresenceCatalog.of(List.of(BREAK, PRE_BREAK, RETIRED));

    @Test
    void findsAPresenceByItsIdOrByAnyOfItsLabelsIgnoringCase() {
        assertThat(CATALOG.resolve(PRE_BREAK.id())).contains(PRE_BREAK);
        assertThat(CATALOG.resolve("pre-break")).contains(PRE_BREAK);
        assertThat(CATALOG.resolve("Avant la pause")).contains(PRE_BREAK);
        assertThat(CATALOG.resolve("VOR DER PAUSE")).contains(PRE_BREAK);
        assertThat(CATALOG.resolve("pause")).contains(BREAK);
    }

    @Test
    void aDeactivatedPresenceIsNeverFoundWhateverItIsCalled() {
        assertThat(CATALOG.resolve("Bientôt en pause")).isEmpty();
        assertThat(CATALOG.resolve(RETIRED.id())).isEmpty();
    }

    @Test
    void theDisplayLabelComesFirstAndLabelsAreNotRepeated() {
        assertThat(PRE_BREAK.labels()).containsExactly("Pre-Break", "Avant la pause", "Vor der Pause");
        assertThat(new PresenceDefinition("x", "Meal", SystemPresence.MEAL, true, false).labels()).containsExactly("Meal");
    }
}
