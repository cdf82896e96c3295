package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.PRE_BREAK;
import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.FaultProfile;
import dev.prebreak.sim.http.ScriptedFault;
import dev.prebreak.sim.org.PresenceChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flaky, throttling, token-revoking Genesys: prebreak stays correct, every due agent set exactly once, in time. */
class FaultsTest extends UnderEachReading {
    private static final String PRESENCE_WRITES = "PUT /api/v2/users/presences/bulk";
    private static final String USERS = "GET /api/v2/users";
    private static final String TOKEN = "POST /oauth/token";

    /** Twelve agents, breaks every five minutes from 10:00 to 10:55. */
    private static Map<String, Instant> staggeredBreaks(SimulatedOrg.Builder builder) {
        Map<String, Instant> breaks = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String agent = "agent-" + (i + 1);
            String start = LocalTime.of(10, 0).plusMinutes(5L * i).toString();
            builder.idleOnQueue(agent, shift("08:00", 480, breakAt(start)));
            breaks.put(agent, at(start));
        }
        return breaks;
    }

    /** Every agent set to Pre-Break exactly once, after its trigger and before its break starts. */
    private static void assertEachSetOnceInTime(SimulatedOrg org, Map<String, Instant> breaks) {
        List<PresenceChange> writes = org.writes();
        assertThat(writes).extracting(PresenceChange::toPresenceId).containsOnly(PRE_BREAK);
        assertThat(writes).extracting(PresenceChange::userId).containsExactlyInAnyOrderElementsOf(breaks.keySet());
        for (PresenceChange w : writes) {
            Instant start = breaks.get(w.userId());
            assertThat(w.at()).as(w.userId()).isAfterOrEqualTo(start.minus(Duration.ofMinutes(15))).isBefore(start);
        }
    }

    @Test
    void aRateLimitStormStillSetsEveryDueAgentExactlyOnce() {
        SimulatedOrg.Builder builder = SimulatedOrg.builder();
        Map<String, Instant> breaks = staggeredBreaks(builder);
        try (SimulatedOrg org = builder.startAt("09:40")) {
            // Half of all calls throttled, Retry-After in lower case as some gateways send it.
            org.sim.faults().global(FaultProfile.NONE.withRateLimits(0.5, 1, true));

            org.tickEveryMinuteLikeTheDaemon("09:40", "11:00");

            assertThat(org.sim.requestStats().countStatus(429)).as("the storm really hit").isGreaterThan(20);
            assertEachSetOnceInTime(org, breaks);
        }
    }

    @Test
    void serverErrorBurstsStillSetEveryDueAgentExactlyOnce() {
        SimulatedOrg.Builder builder = SimulatedOrg.builder();
        Map<String, Instant> breaks = staggeredBreaks(builder);
        try (SimulatedOrg org = builder.startAt("09:40")) {
            // A fifth of all calls fail with 500, 502, 503 or 504 (500 is not retried: that call fails),
            // on top of bursts on the calls that matter most.
            org.sim.faults().global(FaultProfile.NONE.withServerErrors(0.2, 0));
            org.sim.faults().script(ScriptedFault.serverError("putUsersPresencesBulk", 3, 503));
            org.sim.faults().script(ScriptedFault.serverError("postWorkforcemanagementBusinessunitAgentschedulesSearch", 2, 502));
            org.sim.faults().script(ScriptedFault.serverError("getUsers", 2, 504));

            org.tickEveryMinuteLikeTheDaemon("09:40", "11:00");

            assertThat(org.sim.requestStats().countStatus(500)).as("some calls failed for good").isPositive();
            assertEachSetOnceInTime(org, breaks);
        }
    }

    @Test
    void aWriteThatFailsThroughEveryRetryIsRetriedNextTick() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45")) {
            // 503 every time: Genesys never took the write, so it is simply due again next tick.
            org.sim.faults().script(ScriptedFault.serverError("putUsersPresencesBulk", 6, 503));

            TickReport failing = org.tickAt("09:45");
            assertThat(failing.count(Outcome.FAILED)).containsEntry(ActionKind.PRE_BREAK, 1);
            assertThat(org.writes()).isEmpty();

            org.tickAt("09:46");

            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at)
                    .containsExactly(tuple("agent-ada", at("09:46")));
            assertThat(org.audit).extracting(AuditRecord::outcome).containsExactly(Outcome.FAILED, Outcome.APPLIED);
        }
    }

    @Test
    void aWriteWhoseOutcomeIsUnknownIsCheckedBeforeItIsSentAgain() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45")) {
            // A gateway timeout: the write may or may not have happened behind it (here it did not).
            org.sim.faults().script(ScriptedFault.serverError("putUsersPresencesBulk", 1, 504));

            org.tickAt("09:45");
            org.tickAt("09:46");
            assertThat(org.writes()).as("the next tick reads the agent first, and writes nothing").isEmpty();

            org.tickAt("09:47");
            assertThat(org.writes()).extracting(PresenceChange::userId, PresenceChange::at)
                    .containsExactly(tuple("agent-ada", at("09:47")));
        }
    }

    @Test
    void aTokenRevokedBetweenTicksIsReplaced() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:44")) {
            org.tickAt("09:44");
            org.sim.revokeTokens();

            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-ada");
            assertThat(org.sim.requestStats().count(TOKEN)).isEqualTo(2);
            assertThat(org.sim.requestStats().countStatus(401)).isEqualTo(1);
        }
    }

    @Test
    void aTokenRevokedInTheMiddleOfATickIsReplacedWithinIt() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:45")) {
            // Genesys revokes every token just as the presence read arrives (an admin rotated the secret's grants).
            org.sim.faults().script(ScriptedFault.of("getUsers", 1, FaultKind.REVOKE_TOKENS));

            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-ada");
            assertThat(org.sim.requestStats().count(USERS, 401)).isEqualTo(1);
            assertThat(org.sim.requestStats().count(TOKEN)).isEqualTo(2);
        }
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfATickIsRenewedWithinIt() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .simulator(b -> b.tokenLifetime(Duration.ofSeconds(60)))
                .startAt("09:45")) {
            // The presence read is throttled for 61 s: the retry goes out with a token that has just expired.
            org.sim.faults().script(ScriptedFault.rateLimit("getUsers", 1, 61, false));

            TickReport report = org.tickAt(at("09:45"), Duration.ofMinutes(2));

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-ada");
            assertThat(org.sim.requestStats().count(USERS, 401)).as("the expired token was refused").isEqualTo(1);
            assertThat(org.sim.requestStats().count(TOKEN)).isEqualTo(2);
            assertThat(org.sim.requestStats().count(PRESENCE_WRITES, 200)).isEqualTo(1);
        }
    }
}
