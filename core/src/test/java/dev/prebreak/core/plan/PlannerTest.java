package dev.prebreak.core.plan;

import static dev.prebreak.core.testing.SampleOrg.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.RecordStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final Instant T = Instant.parse("2026-11-24T14:00:00Z"); // a break starts here
    static final Rule BREAKS = breaksAndMeals();

    static Planner planner(Rule... rules) {
        return new Planner(List.of(rules), CODES, ON_QUEUE, TICK);
    }

    static Plan plan(Instant now, List<AgentSchedule> schedules, List<ActivityRecord> records, Map<String, AgentState> states, Rule... rules) {
        return planner(rules.length == 0 ? new Rule[]{BREAKS} : rules).plan(BU, now, schedules, records, states, 1000);
    }

    static Plan plan(Instant now, AgentSchedule schedule, AgentState state) {
        return plan(now, List.of(schedule), List.of(), Map.of(state.userId(), state));
    }

    static ActivityKey key(String user, Instant start) {
        return new ActivityKey(BU, user, start, BREAKS.name());
    }

    static ActivityRecord inPreBreak(String user, Instant start, int minutes) {
        return new ActivityRecord(key(user, start), RecordStatus.IN_PRE_BREAK, PRE_BREAK.id(), start.plus(Duration.ofMinutes(minutes)), start.minus(Duration.ofMinutes(15)));
    }

    static List<SkipReason> reasons(Plan plan) {
        return plan.skips().stream().map(Skip::reason).toList();
    }

    @Nested
    class Timing {
        final AgentSchedule a = schedule("a", activity(BREAK_CODE, T, 15));

        @Test
        void actsExactlyAtTheTriggerTime() {
            Plan plan = plan(T.minus(Duration.ofMinutes(15)), a, idle("a"));
            assertThat(plan.actions()).singleElement().satisfies(action -> {
                assertThat(action.kind()).isEqualTo(ActionKind.PRE_BREAK);
                assertThat(action.target()).isEqualTo(PRE_BREAK);
                assertThat(action.key()).isEqualTo(key("a", T));
                assertThat(action.activity()).contains(activity(BREAK_CODE, T, 15));
            });
        }

        @Test
        void doesNothingBeforeTheTriggerTime() {
            Plan plan = plan(T.minus(Duration.ofMinutes(15)).minusMillis(1), a, idle("a"));
            assertThat(plan.actions()).isEmpty();
            assertThat(plan.skips()).isEmpty();
        }

        @Test
        void catchesUpAfterMissedTicksUntilTheActivityStarts() {
            assertThat(plan(T.minusSeconds(1), a, idle("a")).actions()).hasSize(1);
            Plan atStart = plan(T, a, idle("a"));
            assertThat(atStart.actions()).isEmpty();
            assertThat(reasons(atStart)).containsExactly(SkipReason.ACTIVITY_STARTED);
        }

        @Test
        void reportsAStartedActivityOnlyInTheTickAfterItsStart() {
            assertThat(plan(T.plus(TICK).minusMillis(1), a, idle("a")).skips()).hasSize(1);
            assertThat(plan(T.plus(TICK), a, idle("a")).skips()).isEmpty();
        }

        @Test
        void usesEachRulesOwnLead() {
            Rule meetings = rule("meetings", Set.of(ActivityCategory.MEETING), Set.of(), Duration.ofMinutes(5));
            AgentSchedule s = schedule("a", activity(MEETING_CODE, T, 30));
            assertThat(plan(T.minus(Duration.ofMinutes(6)), List.of(s), List.of(), Map.of("a", idle("a")), BREAKS, meetings).actions()).isEmpty();
            assertThat(plan(T.minus(Duration.ofMinutes(5)), List.of(s), List.of(), Map.of("a", idle("a")), BREAKS, meetings).actions())
                    .singleElement().satisfies(x -> assertThat(x.key().ruleName()).isEqualTo("meetings"));
        }

        @Test
        void triggersInAbsoluteTimeAcrossADaylightSavingChange() {
            ZoneId ny = ZoneId.of("America/New_York");
            // 2026-03-08: clocks jump from 02:00 to 03:00; a break at 03:05 local triggers at 01:50 local, 15 real minutes before.
            Instant start = LocalDateTime.parse("2026-03-08T03:05").atZone(ny).toInstant();
            AgentSchedule s = schedule("a", activity(BREAK_CODE, start, 15));
            assertThat(plan(start.minus(Duration.ofMinutes(15)), s, idle("a")).actions()).hasSize(1);
            assertThat(plan(start.minus(Duration.ofMinutes(16)), s, idle("a")).actions()).isEmpty();
        }

        @Test
        void handlesABreakJustAfterMidnight() {
            Instant start = Instant.parse("2026-11-25T00:05:00Z");
            AgentSchedule s = schedule("a", activity(BREAK_CODE, start, 15));
            assertThat(plan(Instant.parse("2026-11-24T23:50:00Z"), s, idle("a")).actions()).hasSize(1);
        }
    }

    @Nested
    class Eligibility {
        final AgentSchedule a = schedule("a", activity(BREAK_CODE, T, 15));
        final Instant due = T.minus(Duration.ofMinutes(10));

        @Test
        void setsIdleAndInteractingAgentsOnQueue() {
            assertThat(plan(due, a, onQueue("a", RoutingStatus.IDLE)).actions()).hasSize(1);
            assertThat(plan(due, a, onQueue("a", RoutingStatus.INTERACTING)).actions()).hasSize(1);
        }

        @Test
        void leavesAgentsWhoAreNotOnQueue() {
            Plan plan = plan(due, a, in("a", AVAILABLE));
            assertThat(plan.actions()).isEmpty();
            assertThat(reasons(plan)).containsExactly(SkipReason.NOT_ON_QUEUE);
        }

        @Test
        void leavesAgentsWhoseRoutingStatusTheRuleDoesNotAllow() {
            Plan plan = plan(due, a, onQueue("a", RoutingStatus.NOT_RESPONDING));
            assertThat(reasons(plan)).containsExactly(SkipReason.ROUTING_STATUS_NOT_ELIGIBLE);
        }

        @Test
        void leavesAgentsAlreadyInTheTarget() {
            assertThat(reasons(plan(due, a, in("a", PRE_BREAK)))).containsExactly(SkipReason.ALREADY_IN_TARGET);
        }

        @Test
        void neverGuessesAnUnknownState() {
            assertThat(reasons(plan(due, List.of(a), List.of(), Map.of()))).containsExactly(SkipReason.STATE_UNKNOWN);
            AgentState noRouting = new AgentState("a", ON_QUEUE.id(), SystemPresence.ON_QUEUE, null);
            assertThat(reasons(plan(due, a, noRouting))).containsExactly(SkipReason.STATE_UNKNOWN);
            AgentState noPresence = new AgentState("a", null, null, RoutingStatus.IDLE);
            assertThat(reasons(plan(due, a, noPresence))).containsExactly(SkipReason.STATE_UNKNOWN);
        }

        @Test
        void acceptsBothSpellingsOfOnQueue() {
            assertThat(SystemPresence.parse("On Queue")).contains(SystemPresence.ON_QUEUE);
            assertThat(SystemPresence.parse("OnQueue")).contains(SystemPresence.ON_QUEUE);
            assertThat(SystemPresence.parse("ON_QUEUE")).contains(SystemPresence.ON_QUEUE);
            assertThat(SystemPresence.parse("Offline")).contains(SystemPresence.OFFLINE);
            assertThat(SystemPresence.parse("Lunch")).isEmpty();
        }

        @Test
        void readsPresenceOnlyForAgentsWithSomethingDue() {
            AgentSchedule later = schedule("b", activity(BREAK_CODE, T.plus(Duration.ofHours(1)), 15));
            AgentSchedule handled = schedule("c", activity(BREAK_CODE, T, 15));
            ActivityRecord done = new ActivityRecord(key("c", T), RecordStatus.CLOSED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)), due);
            Candidates c = planner(BREAKS).candidates(BU, due, List.of(a, later, handled), List.of(done));
            assertThat(c.usersToRead()).containsExactly("a");
        }
    }

    @Nested
    class Matching {
        final Instant due = T.minus(Duration.ofMinutes(10));

        Plan planFor(Rule rule, Activity activity) {
            return plan(due, List.of(schedule("a", activity)), List.of(), Map.of("a", idle("a")), rule);
        }

        @Test
        void matchesByCategoryWhateverTheCodeId() {
            assertThat(planFor(BREAKS, activity(COFFEE, T, 10)).actions()).hasSize(1); // a custom GUID code
            assertThat(planFor(BREAKS, activity(MEAL_CODE, T, 30)).actions()).hasSize(1);
            assertThat(planFor(BREAKS, activity(MEETING_CODE, T, 30)).actions()).isEmpty();
            assertThat(planFor(BREAKS, activity(WORK, T, 30)).actions()).isEmpty();
        }

        @Test
        void matchesByCodeIdOrName() {
            Rule byId = rule("coaching", Set.of(), Set.of(COACHING.id()), Duration.ofMinutes(15));
            Rule byName = rule("coaching", Set.of(), Set.of("COACHING"), Duration.ofMinutes(15));
            assertThat(planFor(byId, activity(COACHING, T, 30)).actions()).hasSize(1);
            assertThat(planFor(byName, activity(COACHING, T, 30)).actions()).hasSize(1);
            assertThat(planFor(byName, activity(MEETING_CODE, T, 30)).actions()).isEmpty();
        }

        @Test
        void ignoresInactiveCodes() {
            assertThat(planFor(BREAKS, activity(RETIRED_BREAK, T, 15)).actions()).isEmpty();
        }

        @Test
        void reportsUnknownCodesWithoutFailing() {
            Activity mystery = new Activity("ffffffff-0000-0000-0000-000000000000", T, Duration.ofMinutes(15));
            Plan plan = plan(due, List.of(schedule("a", mystery, activity(BREAK_CODE, T.plus(Duration.ofMinutes(5)), 15))),
                    List.of(), Map.of("a", idle("a")));
            assertThat(plan.unknownActivityCodes()).containsExactly(mystery.activityCodeId());
            assertThat(plan.actions()).hasSize(1);
            Rule byId = rule("by-id", Set.of(), Set.of(mystery.activityCodeId()), Duration.ofMinutes(15));
            assertThat(planFor(byId, mystery).actions()).hasSize(1);
        }

        @Test
        void leavesActivitiesShorterThanTheMinimum() {
            Rule rule = withMinimumLength(BREAKS, Duration.ofMinutes(10));
            assertThat(reasons(planFor(rule, activity(BREAK_CODE, T, 5)))).containsExactly(SkipReason.TOO_SHORT);
            assertThat(planFor(rule, activity(BREAK_CODE, T, 10)).actions()).hasSize(1);
        }
    }

    @Nested
    class OneChangePerAgent {
        final Instant due = T.minus(Duration.ofMinutes(5));

        @Test
        void foldsDuplicateActivitiesFromOverlappingShifts() {
            AgentSchedule first = schedule("a", activity(BREAK_CODE, T, 15));
            AgentSchedule second = schedule("a", activity(BREAK_CODE, T, 15));
            Plan plan = plan(due, List.of(first, second), List.of(), Map.of("a", idle("a")));
            assertThat(plan.actions()).hasSize(1);
        }

        @Test
        void actsForTheEarliestDueActivityOnly() {
            Rule meetings = rule("meetings", Set.of(ActivityCategory.MEETING), Set.of(), Duration.ofMinutes(15));
            AgentSchedule s = schedule("a", activity(MEETING_CODE, T.plus(Duration.ofMinutes(5)), 30), activity(BREAK_CODE, T, 15));
            Plan plan = plan(due, List.of(s), List.of(), Map.of("a", idle("a")), BREAKS, meetings);
            assertThat(plan.actions()).singleElement().satisfies(x -> assertThat(x.key().activityStart()).isEqualTo(T));
            assertThat(reasons(plan)).containsExactly(SkipReason.ANOTHER_CHANGE_FIRST);
        }

        @Test
        void handlesSplitShiftsAsOneDay() {
            AgentSchedule morning = schedule("a", activity(BREAK_CODE, T.minus(Duration.ofHours(4)), 15));
            AgentSchedule evening = schedule("a", activity(BREAK_CODE, T, 15));
            Plan plan = plan(due, List.of(morning, evening), List.of(), Map.of("a", idle("a")));
            assertThat(plan.actions()).singleElement().satisfies(x -> assertThat(x.key().activityStart()).isEqualTo(T));
        }

        @Test
        void holdsBackChangesOverTheCapForTheNextTick() {
            List<AgentSchedule> schedules = List.of(
                    schedule("a", activity(BREAK_CODE, T.plus(Duration.ofMinutes(2)), 15)),
                    schedule("b", activity(BREAK_CODE, T, 15)),
                    schedule("c", activity(BREAK_CODE, T.plus(Duration.ofMinutes(1)), 15)));
            Plan plan = planner(BREAKS).plan(BU, due, schedules, List.of(), Map.of("a", idle("a"), "b", idle("b"), "c", idle("c")), 2);
            assertThat(plan.actions()).extracting(Action::userId).containsExactly("b", "c"); // most urgent first
            assertThat(plan.skips()).singleElement().satisfies(s -> {
                assertThat(s.reason()).isEqualTo(SkipReason.OVER_CAP);
                assertThat(s.userId()).isEqualTo("a");
            });
        }
    }

    @Nested
    class NoFighting {
        @Test
        void neverActsTwiceOnOneActivityEvenIfTheAgentWentBackOnQueue() {
            ActivityRecord record = inPreBreak("a", T, 15);
            Plan plan = plan(T.minus(Duration.ofMinutes(5)), List.of(schedule("a", activity(BREAK_CODE, T, 15))), List.of(record),
                    Map.of("a", idle("a")));
            assertThat(plan.actions()).isEmpty();
            assertThat(reasons(plan)).containsExactly(SkipReason.ALREADY_HANDLED);
        }

        @Test
        void settlesAStaleClaimFromThePresenceAndWhenItLastChanged() {
            Instant claimedAt = T.minus(Duration.ofMinutes(10));
            ActivityRecord stale = new ActivityRecord(key("a", T), RecordStatus.CLAIMED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)),
                    claimedAt);
            Instant now = T.minus(Duration.ofMinutes(5));
            List<AgentSchedule> s = List.of(schedule("a", activity(BREAK_CODE, T, 15)));
            Candidates c = planner(BREAKS).candidates(BU, now, s, List.of(stale));
            assertThat(c.usersToRead()).containsExactly("a");

            Plan landed = planner(BREAKS).decide(c, Map.of("a", changedAt(in("a", PRE_BREAK), claimedAt.plusSeconds(1))), 10);
            assertThat(landed.settledClaims()).singleElement().satisfies(x -> {
                assertThat(x.next()).map(ActivityRecord::status).contains(RecordStatus.IN_PRE_BREAK);
                assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.LANDED);
                assertThat(x.kind()).isEqualTo(ActionKind.PRE_BREAK);
            });

            Plan untouched = planner(BREAKS).decide(c, Map.of("a", changedAt(idle("a"), claimedAt.minus(Duration.ofMinutes(30)))), 10);
            assertThat(untouched.settledClaims()).singleElement().satisfies(x -> {
                assertThat(x.next()).as("released: due again").isEmpty();
                assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.DID_NOT_LAND);
            });
            assertThat(untouched.actions()).as("acts again only once the claim is gone").isEmpty();
        }

        /** The case that broke the promise: the write landed, its answer was lost, the agent went back On Queue by hand. */
        @Test
        void aClaimWhoseAgentsPresenceChangedSinceIsClosedNeverRetried() {
            Instant claimedAt = T.minus(Duration.ofMinutes(10));
            ActivityRecord stale = new ActivityRecord(key("a", T), RecordStatus.CLAIMED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)),
                    claimedAt);
            Candidates c = planner(BREAKS).candidates(BU, T.minus(Duration.ofMinutes(5)),
                    List.of(schedule("a", activity(BREAK_CODE, T, 15))), List.of(stale));
            for (AgentState backOnQueue : List.of(
                    changedAt(idle("a"), claimedAt.plusSeconds(20)),            // moved after the claim
                    changedAt(idle("a"), claimedAt.minusSeconds(10)),           // within the clock tolerance: may be after it
                    idle("a"))) {                                               // when it changed is unknown
                assertThat(planner(BREAKS).decide(c, Map.of("a", backOnQueue), 10).settledClaims()).as("%s", backOnQueue)
                        .singleElement().satisfies(x -> {
                            assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.MAY_HAVE_LANDED);
                            assertThat(x.next()).map(ActivityRecord::status).contains(RecordStatus.CLOSED);
                        });
            }
            Planner precise = new Planner(List.of(BREAKS), CODES, ON_QUEUE, TICK, Duration.ofSeconds(2));
            assertThat(precise.decide(c, Map.of("a", changedAt(idle("a"), claimedAt.minusSeconds(10))), 10).settledClaims())
                    .as("with a measured offset the tolerance is tight").singleElement()
                    .satisfies(x -> assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.DID_NOT_LAND));
        }

        @Test
        void settlesAStaleRevertClaimFromThePresence() {
            Instant claimedAt = T.minus(Duration.ofMinutes(10));
            ActivityRecord claim = new ActivityRecord(key("a", T), RecordStatus.CLAIMED_REVERT, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)),
                    claimedAt);
            Candidates c = planner(BREAKS).candidates(BU, T.minus(Duration.ofMinutes(5)), List.of(), List.of(claim));
            assertThat(planner(BREAKS).decide(c, Map.of("a", changedAt(idle("a"), claimedAt)), 10).settledClaims()).singleElement()
                    .satisfies(x -> {
                        assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.LANDED);
                        assertThat(x.kind()).isEqualTo(ActionKind.REVERT);
                    });
            assertThat(planner(BREAKS).decide(c, Map.of("a", changedAt(in("a", PRE_BREAK), claimedAt.minus(Duration.ofMinutes(5)))), 10)
                    .settledClaims()).singleElement()
                    .satisfies(x -> {
                        assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.DID_NOT_LAND);
                        assertThat(x.next()).map(ActivityRecord::status).as("the revert is owed again").contains(RecordStatus.IN_PRE_BREAK);
                    });
            assertThat(planner(BREAKS).decide(c, Map.of("a", changedAt(in("a", AVAILABLE), claimedAt.plusSeconds(5))), 10)
                    .settledClaims()).singleElement()
                    .satisfies(x -> {
                        assertThat(x.verdict()).isEqualTo(ClaimSettlement.Verdict.MAY_HAVE_LANDED);
                        assertThat(x.next()).map(ActivityRecord::status).contains(RecordStatus.CLOSED);
                    });
        }

        @Test
        void aClaimInFlightCountsAsHandled() {
            ActivityRecord claim = new ActivityRecord(key("a", T), RecordStatus.CLAIMED, PRE_BREAK.id(), T.plus(Duration.ofMinutes(15)), T);
            Plan plan = plan(T.minus(Duration.ofMinutes(5)), List.of(schedule("a", activity(BREAK_CODE, T, 15))), List.of(claim),
                    Map.of("a", idle("a")));
            assertThat(plan.actions()).isEmpty();
        }
    }

    @Nested
    class Lifecycle {
        final Instant now = T.minus(Duration.ofMinutes(5));
        final ActivityRecord record = inPreBreak("a", T, 15);

        @Test
        void revertsWhenTheBreakMovedBeyondItsNewTrigger() {
            AgentSchedule moved = schedule("a", activity(BREAK_CODE, T.plus(Duration.ofHours(1)), 15));
            Plan plan = plan(now, List.of(moved), List.of(record), Map.of("a", in("a", PRE_BREAK)));
            assertThat(plan.actions()).singleElement().satisfies(x -> {
                assertThat(x.kind()).isEqualTo(ActionKind.REVERT);
                assertThat(x.target()).isEqualTo(ON_QUEUE);
                assertThat(x.record()).contains(record);
            });
        }

        @Test
        void revertsWhenTheBreakWasRemoved() {
            Plan plan = plan(now, List.of(), List.of(record), Map.of("a", in("a", PRE_BREAK)));
            assertThat(plan.actions()).extracting(Action::kind).containsExactly(ActionKind.REVERT);
        }

        @Test
        void followsABreakMovedWithinItsLeadWithoutAnyChange() {
            Instant later = T.plus(Duration.ofMinutes(5));
            AgentSchedule moved = schedule("a", activity(BREAK_CODE, later, 15));
            Candidates c = planner(BREAKS).candidates(BU, now, List.of(moved), List.of(record));
            assertThat(c.usersToRead()).isEmpty();
            assertThat(c.recordChanges()).extracting(RecordChange::next).extracting(ActivityRecord::key, ActivityRecord::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(key("a", T), RecordStatus.CLOSED),
                            org.assertj.core.groups.Tuple.tuple(key("a", later), RecordStatus.IN_PRE_BREAK));
        }

        @Test
        void keepsTheAgentInPreBreakWhenTheBreakBecomesAMealOfAnotherRuleWithTheSamePresence() {
            Rule meals = rule("meals", Set.of(ActivityCategory.MEAL), Set.of(), Duration.ofMinutes(10));
            Rule breaksOnly = rule("breaks", Set.of(ActivityCategory.BREAK), Set.of(), Duration.ofMinutes(15));
            AgentSchedule swapped = schedule("a", activity(MEAL_CODE, T, 30));
            Candidates c = planner(breaksOnly, meals).candidates(BU, now, List.of(swapped), List.of(record));
            assertThat(c.usersToRead()).as("no revert to read for").isEmpty();
            assertThat(c.recordChanges()).extracting(x -> x.next().key().ruleName() + " " + x.next().status())
                    .containsExactly("breaks CLOSED", "meals IN_PRE_BREAK");
        }

        @Test
        void doesNotRevertAnAgentWhoAlreadyLeftPreBreak() {
            Plan plan = plan(now, List.of(), List.of(record), Map.of("a", idle("a")));
            assertThat(plan.actions()).isEmpty();
            assertThat(reasons(plan)).containsExactly(SkipReason.AGENT_MOVED_ON);
            assertThat(plan.recordChanges()).extracting(c -> c.next().status()).containsExactly(RecordStatus.CLOSED);
        }

        @Test
        void doesNotRevertWhenTheRuleSaysNot() {
            Rule noRevert = withoutRevert(BREAKS);
            Plan plan = plan(now, List.of(), List.of(record), Map.of("a", in("a", PRE_BREAK)), noRevert);
            assertThat(plan.actions()).isEmpty();
            assertThat(reasons(plan)).containsExactly(SkipReason.REVERT_DISABLED);
        }

        @Test
        void neverRevertsAnAgentPrebreakDidNotMove() {
            // In Pre-Break by hand, no record: nothing to revert.
            Plan plan = plan(now, List.of(), List.of(), Map.of("a", in("a", PRE_BREAK)));
            assertThat(plan.actions()).isEmpty();
        }

        @Test
        void setsTheAtStartPresenceWhenTheBreakStarts() {
            Rule rule = withAtStart(BREAKS, BREAK);
            AgentSchedule s = schedule("a", activity(BREAK_CODE, T, 15));
            Plan plan = plan(T.plusSeconds(30), List.of(s), List.of(record), Map.of("a", in("a", PRE_BREAK)), rule);
            assertThat(plan.actions()).singleElement().satisfies(x -> {
                assertThat(x.kind()).isEqualTo(ActionKind.AT_START);
                assertThat(x.target()).isEqualTo(BREAK);
            });
        }

        @Test
        void closesTheRecordAtStartWhenThereIsNothingToSet() {
            AgentSchedule s = schedule("a", activity(BREAK_CODE, T, 15));
            Candidates c = planner(BREAKS).candidates(BU, T.plusSeconds(30), List.of(s), List.of(record));
            assertThat(c.usersToRead()).isEmpty();
            assertThat(c.recordChanges()).extracting(x -> x.next().status()).containsExactly(RecordStatus.CLOSED);
        }

        @Test
        void closesRecordsOfActivitiesThatStartedBeforeTheWindowAndEnded() {
            Instant start = T.minus(Duration.ofHours(3));
            ActivityRecord old = inPreBreak("a", start, 60);
            Candidates c = planner(BREAKS).candidates(BU, T, List.of(), List.of(old));
            assertThat(c.usersToRead()).isEmpty();
            assertThat(c.recordChanges()).extracting(x -> x.next().status()).containsExactly(RecordStatus.CLOSED);
        }
    }
}
