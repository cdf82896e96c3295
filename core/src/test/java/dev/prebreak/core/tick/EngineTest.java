package dev.prebreak.core.tick;

import static dev.prebreak.core.testing.SampleOrg.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.plan.SkipReason;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.state.RecordStatus;
import dev.prebreak.core.testing.FakeGenesys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {
    static final Instant T = Instant.parse("2026-11-24T14:00:00Z");
    static final Instant DUE = T.minus(Duration.ofMinutes(15));
    static final String YAML = String.join("\n",
            "genesys: {region: 'http://127.0.0.1:9', clientId: x, clientSecret: 'env:S'}",
            "scope: {businessUnits: [bu-1]}",
            "rules:",
            "  - {name: breaks, categories: [Break, Meal], presence: Pre-Break}",
            "");

    final FakeGenesys genesys = new FakeGenesys();
    final InMemoryStateStore store = new InMemoryStateStore();
    final List<AuditRecord> audit = new ArrayList<>();

    Engine engine(String yaml) {
        Config config = new ConfigLoader(Map.of()).parse(yaml, "test");
        return new Engine(config, genesys, store, audit::add, Clock.fixed(T, ZoneOffset.UTC));
    }

    Engine engine() {
        return engine(YAML);
    }

    @Test
    void setsDueAgentsAndRemembersIt() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        genesys.agent("b", in("b", AVAILABLE), activity(BREAK_CODE, T, 15));
        genesys.agent("c", idle("c"), activity(BREAK_CODE, T.plus(Duration.ofHours(2)), 15));

        TickReport report = engine().tick(DUE, DUE.plusSeconds(60));

        assertThat(report.failed()).isFalse();
        assertThat(report.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(report.skipCounts()).containsEntry(SkipReason.NOT_ON_QUEUE, 1);
        assertThat(report.candidates()).isEqualTo(2);
        assertThat(genesys.writes).extracting(w -> w.userId() + "->" + w.target().label()).containsExactly("a->Pre-Break");
        assertThat(store.records(BU, DUE)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RecordStatus.IN_PRE_BREAK));
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo("a");
            assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(r.fromPresenceId()).isEqualTo(ON_QUEUE.id());
            assertThat(r.toPresenceId()).isEqualTo(PRE_BREAK.id());
            assertThat(r.ruleName()).isEqualTo("breaks");
        });
    }

    @Test
    void readsOnlyASliceOfSchedulesOnLaterTicks() {
        for (int i = 0; i < 50; i++) {
            genesys.agent("u" + i, idle("u" + i), activity(BREAK_CODE, T.plus(Duration.ofHours(3)), 15));
        }
        Engine engine = engine();
        engine.tick(DUE, DUE.plusSeconds(60));
        int afterFirst = genesys.calls("schedules");
        int statesAfterFirst = genesys.calls("agentStates");
        for (int i = 1; i <= 4; i++) {
            engine.tick(DUE.plusSeconds(60L * i), DUE.plusSeconds(60L * i + 60));
        }
        assertThat(genesys.calls("schedules")).as("no schedule is stale within the refresh interval").isEqualTo(afterFirst);
        assertThat(genesys.calls("agentStates")).as("nobody due, nobody read").isEqualTo(statesAfterFirst).isZero();
        assertThat(genesys.calls("presenceDefinitions")).isEqualTo(1);
    }

    @Test
    void oneFailedWriteDoesNotStopTheOthersAndIsRetriedNextTick() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        genesys.agent("b", idle("b"), activity(BREAK_CODE, T, 15));
        genesys.failingWrites.add("a");
        Engine engine = engine();

        TickReport first = engine.tick(DUE, DUE.plusSeconds(60));
        assertThat(first.count(Outcome.FAILED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(first.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(first.failed()).as("a per-agent failure is not a failed tick").isFalse();
        assertThat(store.records(BU, DUE)).extracting(r -> r.key().userId()).containsExactly("b");

        genesys.failingWrites.clear();
        TickReport second = engine.tick(DUE.plusSeconds(60), DUE.plusSeconds(120));
        assertThat(second.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(genesys.writes).extracting(w -> w.userId()).containsExactly("b", "a");
    }

    @Test
    void anUncertainWriteIsSettledFromThePresenceBeforeAnyWriteAgain() {
        Instant loggedIn = T.minus(Duration.ofHours(2));
        genesys.agent("a", changedAt(idle("a"), loggedIn), activity(BREAK_CODE, T, 15));
        genesys.agent("b", changedAt(idle("b"), loggedIn), activity(BREAK_CODE, T, 15));
        genesys.uncertainWrites.addAll(List.of("a", "b"));
        Engine engine = engine();
        TickReport first = engine.tick(DUE, DUE.plusSeconds(60));
        assertThat(first.count(Outcome.UNCERTAIN)).containsEntry(ActionKind.PRE_BREAK, 2);
        assertThat(first.writesNotConfirmed()).isEqualTo(2);
        assertThat(store.records(BU, DUE)).extracting(r -> r.status()).containsOnly(RecordStatus.CLAIMED);

        // "a" went through after all; "b" did not: its presence has not changed since long before the claim.
        genesys.states.put("a", changedAt(in("a", PRE_BREAK), DUE));
        genesys.uncertainWrites.clear();
        engine.tick(DUE.plusSeconds(60), DUE.plusSeconds(120));
        assertThat(genesys.writes).as("nothing is written while a claim is unsettled").isEmpty();
        assertThat(store.records(BU, DUE)).extracting(r -> r.key().userId() + " " + r.status()).containsExactly("a IN_PRE_BREAK");

        assertThat(audit).as("each write is audited when made, and again when settled")
                .extracting(r -> r.userId() + " " + r.outcome())
                .containsExactly("a UNCERTAIN", "b UNCERTAIN", "a APPLIED", "b FAILED");

        TickReport retry = engine.tick(DUE.plusSeconds(120), DUE.plusSeconds(180));
        assertThat(retry.count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(genesys.writes).extracting(w -> w.userId()).containsExactly("b");
    }

    /** The broken promise of issue 10: a write landed, its answer was lost, the agent went back On Queue by hand. */
    @Test
    void aWriteThatMayHaveLandedIsNeverRepeatedOnceTheAgentMoved() {
        genesys.agent("a", changedAt(idle("a"), T.minus(Duration.ofHours(2))), activity(BREAK_CODE, T, 15));
        genesys.uncertainWrites.add("a");
        genesys.applyUncertain = true;
        Engine engine = engine();
        engine.tick(DUE, DUE.plusSeconds(60));
        assertThat(genesys.writes).hasSize(1);

        genesys.states.put("a", changedAt(idle("a"), DUE.plusSeconds(30))); // back On Queue by hand
        genesys.uncertainWrites.clear();
        for (int minute = 1; minute < 15; minute++) {
            engine.tick(DUE.plusSeconds(60L * minute), DUE.plusSeconds(60L * minute + 60));
        }
        assertThat(genesys.writes).as("written once, ever").hasSize(1);
        assertThat(store.records(BU, DUE)).extracting(r -> r.status()).containsExactly(RecordStatus.CLOSED);
        assertThat(audit).extracting(r -> r.outcome()).containsExactly(Outcome.UNCERTAIN, Outcome.UNCONFIRMED);
    }

    @Test
    void anotherProcesssStaleClaimIsSettledOnlyAfterTwoTicks() {
        genesys.agent("a", changedAt(idle("a"), T.minus(Duration.ofHours(2))), activity(BREAK_CODE, T, 15));
        store.insert(new dev.prebreak.core.state.ActivityRecord(new dev.prebreak.core.state.ActivityKey(BU, "a", T, "breaks"),
                RecordStatus.CLAIMED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)), DUE)); // a crashed process's claim
        Engine engine = engine();
        engine.tick(DUE.plusSeconds(60), DUE.plusSeconds(120));
        assertThat(genesys.writes).as("young: it may be an overlapping tick's").isEmpty();
        engine.tick(DUE.plusSeconds(180), DUE.plusSeconds(240));
        engine.tick(DUE.plusSeconds(240), DUE.plusSeconds(300));
        assertThat(genesys.writes).as("untouched since the claim: it certainly did not land").extracting(w -> w.userId()).containsExactly("a");
    }

    @Test
    void aCrashedProcesssClaimWhoseAgentChangedPresenceSinceIsNeverActedOnAgain() {
        genesys.agent("a", changedAt(idle("a"), DUE.plusSeconds(5)), activity(BREAK_CODE, T, 15));
        store.insert(new dev.prebreak.core.state.ActivityRecord(new dev.prebreak.core.state.ActivityKey(BU, "a", T, "breaks"),
                RecordStatus.CLAIMED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)), DUE));
        Engine engine = engine();
        for (int minute = 1; minute < 15; minute++) {
            engine.tick(DUE.plusSeconds(60L * minute), DUE.plusSeconds(60L * minute + 60));
        }
        assertThat(genesys.writes).isEmpty();
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.UNCONFIRMED);
            assertThat(r.detail()).contains("not repeated");
        });
    }

    @Test
    void noChangeIsMadeWhileThisMachinesClockIsOffFromGenesys() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        genesys.genesysClockOffset = Duration.ofMinutes(-30); // Genesys is 30 minutes behind: this clock stepped forward
        TickReport report = engine().tick(DUE, DUE.plusSeconds(60));
        assertThat(report.failed()).isTrue();
        assertThat(report.failures()).singleElement().asString()
                .contains("clock is 1800 s ahead of Genesys'", "maxClockSkew (30 s)", "no change made");
        assertThat(genesys.writes).isEmpty();

        genesys.genesysClockOffset = Duration.ofSeconds(3);
        assertThat(engine().tick(DUE, DUE.plusSeconds(60)).count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
    }

    @Test
    void aUnitWhoseSchedulesCannotBeReadChangesNothing() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        genesys.schedulesFail = true;
        TickReport report = engine().tick(DUE, DUE.plusSeconds(60));
        assertThat(report.failed()).isTrue();
        assertThat(report.failures()).singleElement().asString().contains("schedule search for business unit bu-1 failed");
        assertThat(genesys.writes).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void overlappingTicksNeverBothActOnOneActivity() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        Engine first = engine();
        Engine second = engine();
        List<TickReport> inner = new ArrayList<>();
        // While the first tick reads presence, a second invocation runs a whole tick against the same store.
        genesys.onStateRead = users -> {
            if (inner.isEmpty()) {
                inner.add(null);
                inner.set(0, second.tick(DUE, DUE.plusSeconds(60)));
            }
        };
        TickReport outer = first.tick(DUE, DUE.plusSeconds(60));
        assertThat(inner.get(0).count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(outer.count(Outcome.TAKEN_BY_ANOTHER_TICK)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(genesys.writes).hasSize(1);
    }

    @Test
    void dryRunChangesNothingAtAll() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        TickReport report = engine(YAML + "dryRun: true\n").tick(DUE, DUE.plusSeconds(60));
        assertThat(report.dryRun()).isTrue();
        assertThat(report.count(Outcome.DRY_RUN)).containsEntry(ActionKind.PRE_BREAK, 1);
        assertThat(genesys.writes).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(audit).extracting(AuditRecord::outcome).containsExactly(Outcome.DRY_RUN);
    }

    @Test
    void revertsAnAgentWhoseBreakWasRemoved() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T, 15));
        Engine engine = engine();
        engine.tick(DUE, DUE.plusSeconds(60));
        genesys.schedules.get("a").clear();
        // The removal is seen when the agent's schedule is next read (within the refresh interval).
        TickReport report = engine.tick(DUE.plus(Tuning.DEFAULTS.scheduleRefresh()), DUE.plus(Duration.ofMinutes(11)));
        assertThat(report.count(Outcome.APPLIED)).containsEntry(ActionKind.REVERT, 1);
        assertThat(genesys.states.get("a").presenceId()).isEqualTo(ON_QUEUE.id());
        assertThat(store.records(BU, DUE)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RecordStatus.REVERTED));
    }

    @Test
    void holdsBackChangesOverTheCap() {
        for (int i = 0; i < 5; i++) {
            genesys.agent("u" + i, idle("u" + i), activity(BREAK_CODE, T, 15));
        }
        Engine engine = engine(YAML + "maxChangesPerTick: 3\n");
        assertThat(engine.tick(DUE, DUE.plusSeconds(60)).skipCounts()).containsEntry(SkipReason.OVER_CAP, 2);
        assertThat(engine.tick(DUE.plusSeconds(60), DUE.plusSeconds(120)).count(Outcome.APPLIED)).containsEntry(ActionKind.PRE_BREAK, 2);
    }

    @Test
    void failsWithTheKeyWhenARulesPresenceIsNotInTheOrg() {
        genesys.presences.remove(PRE_BREAK);
        assertThatThrownBy(() -> engine().tick(DUE, DUE.plusSeconds(60)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("rules[0].presence: no active presence named or with id 'Pre-Break'");
    }

    @Test
    void warmsUpALargeUnitOverSeveralTicksWithoutRevertingAnyoneUnread() {
        for (int i = 0; i < 25; i++) {
            genesys.agent(String.format("u%02d", i), in(String.format("u%02d", i), PRE_BREAK), activity(BREAK_CODE, T, 15));
        }
        // A restart: the store remembers putting everyone in Pre-Break; the schedule cache is empty.
        for (int i = 0; i < 25; i++) {
            store.insert(new dev.prebreak.core.state.ActivityRecord(new dev.prebreak.core.state.ActivityKey(BU, String.format("u%02d", i), T, "breaks"),
                    RecordStatus.IN_PRE_BREAK, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)), DUE));
        }
        Tuning small = new Tuning(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(15), 10, 4, 1);
        Config config = new ConfigLoader(Map.of()).parse(YAML, "test");
        Engine engine = new Engine(config, genesys, store, audit::add, Clock.fixed(T, ZoneOffset.UTC), small);

        TickReport first = engine.tick(DUE.plusSeconds(60), DUE.plusSeconds(120));
        assertThat(first.agentsEvaluated()).as("10 of 25 schedules read in the first tick").isEqualTo(10);
        assertThat(first.results()).as("nobody unread is taken for a vanished break").isEmpty();
        assertThat(genesys.calls("schedules")).as("read in chunks of 4").isEqualTo(3);

        engine.tick(DUE.plusSeconds(120), DUE.plusSeconds(180));
        TickReport third = engine.tick(DUE.plusSeconds(180), DUE.plusSeconds(240));
        assertThat(third.agentsEvaluated()).isEqualTo(25);
        assertThat(genesys.writes).isEmpty();
    }

    @Test
    void listsUpcomingPreBreaks() {
        genesys.agent("a", idle("a"), activity(BREAK_CODE, T.plus(Duration.ofMinutes(20)), 15));
        Engine engine = engine();
        engine.tick(DUE, DUE.plusSeconds(60));
        assertThat(engine.upcoming()).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo("a");
            assertThat(u.triggerAt()).isEqualTo(T.plus(Duration.ofMinutes(5)));
        });
    }
}
