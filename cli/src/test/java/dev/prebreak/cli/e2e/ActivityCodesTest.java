package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.COACHING_CODE;
import static dev.prebreak.cli.e2e.SimulatedOrg.COFFEE_BREAK_CODE;
import static dev.prebreak.cli.e2e.SimulatedOrg.MEETING_CODE;
import static dev.prebreak.cli.e2e.SimulatedOrg.OLD_BREAK_CODE;
import static dev.prebreak.cli.e2e.SimulatedOrg.activity;
import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Which activities a rule covers, with the org's own activity codes (custom ones are GUIDs). */
class ActivityCodesTest extends UnderEachReading {

    @Test
    void aBreakCategoryRuleCoversCustomGuidBreakCodesButNotOtherCategoriesOrInactiveCodes() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-coffee", shift("08:00", 480, activity("10:00", 15, COFFEE_BREAK_CODE, "Coffee Break")))
                .idleOnQueue("agent-meeting", shift("08:00", 480, activity("10:00", 15, MEETING_CODE, "Meeting")))
                .idleOnQueue("agent-old-break", shift("08:00", 480, activity("10:00", 15, OLD_BREAK_CODE, "Old Break")))
                .idleOnQueue("agent-coaching", shift("08:00", 480, activity("10:00", 30, COACHING_CODE, "Coaching")))
                .startAt("09:45")) {
            org.tickEveryMinute("09:45", "09:50");

            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-coffee");
        }
    }

    @Test
    void aRuleNamingCodesByGuidOrByNameCoversExactlyThose() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-coaching", shift("08:00", 480, activity("10:00", 30, COACHING_CODE, "Coaching")))
                .idleOnQueue("agent-meeting", shift("08:00", 480, activity("10:00", 15, MEETING_CODE, "Meeting")))
                .idleOnQueue("agent-break", shift("08:00", 480, SimulatedOrg.breakAt("10:00")))
                .rules("  - name: coaching",
                        "    activityCodes: [\"" + COACHING_CODE + "\"]",
                        "    lead: 10m",
                        "    presence: Pre-Break",
                        "  - name: meetings",
                        "    activityCodes: [meeting]",   // by name, any letter case
                        "    lead: 5m",
                        "    presence: Pre-Break")
                .startAt("09:45")) {
            org.tickEveryMinute("09:45", "09:59");

            assertThat(org.writes()).extracting(w -> w.userId(), w -> w.at()).containsExactly(
                    tuple("agent-coaching", at("09:50")),
                    tuple("agent-meeting", at("09:55")));
        }
    }
}
