package dev.prebreak.core.plan;

import static dev.prebreak.core.testing.SampleOrg.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.WorkInHand;
import dev.prebreak.core.rule.AdaptiveLead;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule with an adaptive lead in the planner: the lead is the maximum, the agent's work decides the moment. */
class AdaptiveLeadPlannerTest {
    static final Instant T = Instant.parse("2026-11-24T14:00:00Z");
    static final Rule FIXED = rule("breaks", Set.of(ActivityCategory.BREAK), Set.of(), Duration.ofMinutes(20));
    static final Rule ADAPTIVE = new Rule(FIXED.name(), FIXED.categories(), FIXED.activityCodes(), FIXED.lead(), FIXED.presence(),
            FIXED.eligibleRoutingStatuses(), FIXED.atStartPresence(), FIXED.revertWhenCancelled(),
            FIXED.minimumActivityLength(), Optional.of(new AdaptiveLead(Duration.ofMinutes(2), Duration.ofMinutes(1),
            Map.of("chat", Duration.ofMinutes(8)), Map.of())));
    final AgentSchedule a = schedule("a", activity(BREAK_CODE, T, 15));

    static Plan plan(Rule rule, Instant now, AgentSchedule schedule, AgentState state) {
        return new Planner(List.of(rule), CODES, ON_QUEUE, TICK).plan(BU, now, List.of(schedule), List.of(),
                Map.of(state.userId(), state), 1000);
    }

    static AgentState chatting(int chats) {
        return onQueue("a", RoutingStatus.INTERACTING).withWork(new WorkInHand(T.minusSeconds(600), Map.of("chat", chats), Map.of()));
    }

    @Test
    void anIdleAgentStaysOnQueueUntilTheMinimumLead() {
        AgentState idle = idle("a").withWork(WorkInHand.NONE);
        Plan early = plan(ADAPTIVE, T.minus(Duration.ofMinutes(10)), a, idle);
        assertThat(early.actions()).isEmpty();
        assertThat(early.skips()).singleElement().satisfies(s -> assertThat(s.reason()).isEqualTo(SkipReason.WORK_ENDS_IN_TIME));
        assertThat(early.recordChanges()).isEmpty(); // nothing remembered: asked again next tick
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(2)), a, idle).actions()).hasSize(1);
    }

    @Test
    void anAgentWithThreeChatsIsSetWhenTheirWorkReachesTheStart() {
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(17)), a, chatting(3)).actions()).isEmpty();
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(16)), a, chatting(3)).actions()).hasSize(1);
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(9)), a, chatting(1)).actions()).hasSize(1);
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(10)), a, chatting(1)).actions()).isEmpty();
    }

    @Test
    void neverBeforeTheMaximumLeadAndTheFixedRuleIsUnchanged() {
        assertThat(plan(ADAPTIVE, T.minus(Duration.ofMinutes(21)), a, chatting(3)).skips()).isEmpty();
        assertThat(plan(FIXED, T.minus(Duration.ofMinutes(20)), a, idle("a")).actions()).hasSize(1);
        assertThat(plan(FIXED, T.minus(Duration.ofMinutes(20)), a, idle("a").withWork(WorkInHand.NONE)).actions()).hasSize(1);
    }
}
