package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.http.ScriptedFault;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritesTest {
    private static final String PUT = "PUT /api/v2/users/presences/bulk";
    private static final String GHOST = "00000000-0000-0000-0000-00000000dead";

    private static PresenceDefinition preBreak(GenesysClient client) {
        return PresenceCatalog.of(client.presenceDefinitions()).resolve(OrgGenerator.PRE_BREAK_LABEL).orElseThrow();
    }

    @Test
    void writesInBatchesOfFiftyAndChecksEveryUser() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceChange> changes = new ArrayList<>();
            for (String id : h.sim.org().userIds().subList(0, 119)) {
                changes.add(new PresenceChange(id, target));
            }
            changes.add(60, new PresenceChange(GHOST, target));

            List<PresenceWriteOutcome> outcomes = client.setPresences(changes);
            assertThat(h.calls(PUT)).isEqualTo(3);
            assertThat(outcomes).extracting(PresenceWriteOutcome::userId)
                    .containsExactlyElementsOf(changes.stream().map(PresenceChange::userId).toList());
            assertThat(outcomes).filteredOn(o -> !o.applied()).singleElement().satisfies(o -> {
                assertThat(o.userId()).isEqualTo(GHOST);
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("did not answer for this user"));
                assertThat(o.uncertain()).as("Genesys took the batch; whether it set this one is not said").isTrue();
            });
            // ground truth: every real user now sits in Pre-Break, set exactly once
            assertThat(h.sim.presenceLog().all()).hasSize(119)
                    .allSatisfy(c -> assertThat(c.toPresenceId()).isEqualTo(target.id()));
        }
    }

    @Test
    void aFailedBatchFailsOnlyItsUsers() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceChange> changes = h.sim.org().userIds().subList(0, 70).stream()
                    .map(id -> new PresenceChange(id, target)).toList();
            h.sim.faults().script(ScriptedFault.serverError(PUT, 6, 503));

            List<PresenceWriteOutcome> outcomes = client.setPresences(changes);
            assertThat(outcomes.subList(0, 50)).allSatisfy(o -> {
                assertThat(o.applied()).isFalse();
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 503").contains("gave up after 6"));
                assertThat(o.uncertain()).as("503 every time: never applied").isFalse();
            });
            assertThat(outcomes.subList(50, 70)).allMatch(PresenceWriteOutcome::applied);
            assertThat(h.sim.presenceLog().all()).hasSize(20);
        }
    }

    @Test
    void aWriteThatMayHaveLandedIsNeverSentAgain() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceChange> changes = h.sim.org().userIds().subList(0, 10).stream()
                    .map(id -> new PresenceChange(id, target)).toList();
            // A gateway timeout says nothing about whether the write happened behind it.
            h.sim.faults().script(ScriptedFault.serverError(PUT, 1, 504));

            List<PresenceWriteOutcome> outcomes = client.setPresences(changes);
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.applied()).isFalse();
                assertThat(o.uncertain()).isTrue();
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 504"));
            });
            assertThat(h.calls(PUT)).as("no replay: it could undo what an agent did meanwhile").isEqualTo(1);
        }
    }

    @Test
    void aWriteAnsweredNotProcessedIsSentAgain() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceChange> changes = h.sim.org().userIds().subList(0, 10).stream()
                    .map(id -> new PresenceChange(id, target)).toList();
            h.sim.faults().script(ScriptedFault.serverError(PUT, 1, 503));

            assertThat(client.setPresences(changes)).allMatch(PresenceWriteOutcome::applied);
            assertThat(h.calls(PUT)).isEqualTo(2);
            assertThat(h.sim.presenceLog().all()).hasSize(10);
        }
    }

    @Test
    void aRefusedBatchIsNotRetried() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition bogus = new PresenceDefinition("no-such-presence", "Bogus",
                    dev.prebreak.core.presence.SystemPresence.BREAK, false, false);
            List<PresenceWriteOutcome> outcomes = client.setPresences(List.of(new PresenceChange(h.sim.org().userIds().get(0), bogus)));
            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.applied()).isFalse();
                assertThat(o.uncertain()).as("a refusal is certain: nothing was set").isFalse();
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("HTTP 400"));
            });
            assertThat(client.usage().retries()).isZero();
            assertThat(h.sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void aWriteGivenUpWhileWaitingOutA429IsCertainlyNotApplied() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceChange> changes = h.sim.org().userIds().subList(0, 5).stream()
                    .map(id -> new PresenceChange(id, target)).toList();
            h.sim.faults().script(ScriptedFault.rateLimit(PUT, 1, 60, false));

            List<PresenceWriteOutcome> outcomes = client.within(h.sim.clock().instant().plusSeconds(10)).setPresences(changes);
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.applied()).isFalse();
                assertThat(o.uncertain()).as("Genesys refused to process it, and it was not sent again").isFalse();
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("would pass the deadline"));
            });
            assertThat(h.sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void aWriteNeverSentBecauseTheDeadlinePassedIsCertainlyNotApplied() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            PresenceDefinition target = preBreak(client);
            List<PresenceWriteOutcome> outcomes = client.within(h.sim.clock().instant().minusSeconds(1))
                    .setPresences(List.of(new PresenceChange(h.sim.org().userIds().get(0), target)));
            assertThat(outcomes).singleElement().satisfies(o -> {
                assertThat(o.uncertain()).isFalse();
                assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("not sent"));
            });
            assertThat(h.calls(PUT)).isZero();
        }
    }

    @Test
    void theOffsetOfGenesysClockIsReadOffTheDateOfItsAnswers() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient inStep = h.client();
            assertThat(inStep.clockOffset()).as("before any answer").isEmpty();
            inStep.presenceDefinitions();
            assertThat(inStep.clockOffset()).hasValueSatisfying(o -> assertThat(o.abs()).isLessThan(Duration.ofSeconds(2)));

            // This machine's clock stepped 30 minutes forward: Genesys now looks 30 minutes behind.
            GenesysClient ahead = h.clientBuilder().wallClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(30))).build();
            ahead.presenceDefinitions();
            assertThat(ahead.clockOffset()).hasValueSatisfying(o ->
                    assertThat(o.plus(Duration.ofMinutes(30)).abs()).isLessThan(Duration.ofSeconds(2)));
        }
    }
}
