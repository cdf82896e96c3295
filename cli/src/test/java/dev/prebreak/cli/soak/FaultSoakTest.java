package dev.prebreak.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.http.FaultProfile;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.SystemPresence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A working day of a few hundred agents with faults throughout, on a virtual clock stepped a tick at a
 * time; then every claim prebreak makes is checked against the simulator's ground-truth presence log.
 *
 * <p>Faults: 30 % of calls answered 429 (lowercase Retry-After), 5 % 5xx (500 is not retried, 502-504
 * are), latency spikes, dropped connections, tokens revoked mid-tick, schedule searches answered
 * asynchronously or by download (low thresholds), breaks moved and deleted during the day (some while
 * the agent sits in Pre-Break), agents stepping Away or leaving Pre-Break by hand, ticks missed, and
 * some ticks run twice at once by two engines sharing one state store.
 *
 * <p>Deterministic: seeded org, faults, jitter and edits, a manual clock that only retries advance.
 * The overlapping ticks run on two threads, so the order in which they draw faults can vary; the
 * assertions are invariants that must hold for every order.
 */
class FaultSoakTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    // The first business unit is in New York: its morning shifts start from 11:00 UTC.
    private static final Instant START = Instant.parse("2026-11-24T11:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T21:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(60);
    private static final Duration LEAD = Duration.ofMinutes(10);
    private static final int AGENTS = 300;

    private final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aDayOfFaultsNeverLosesABreakNorTouchesAnyoneItShouldNot() throws Exception {
        SimClock clock = SimClock.fixed(START);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(OrgSpec.of(AGENTS, 11, DAY))
                .asyncThresholdUsers(60).downloadThresholdUsers(25).faultSeed(5).build().start()) {
            Org org = sim.org();
            String bu = org.businessUnits().get(0).id();
            String preBreakId = org.presenceDefinitionByLabel("Pre-Break").orElseThrow().id();
            sim.faults().global(FaultProfile.NONE
                    .withRateLimits(0.30, 1, true)
                    .withServerErrors(0.05, 0)
                    .withLatency(0, 0.02, 20)
                    .withDrops(0.01)
                    .withRevocations(0.005));

            Config config = config(sim, bu);
            InMemoryStateStore store = new InMemoryStateStore();
            Engine engine = engine(sim, config, clock, store, 1);
            Engine overlapping = engine(sim, config, clock, store, 2);
            Workday people = new Workday(org, bu, preBreakId, LEAD, 17, START);
            ExecutorService second = Executors.newSingleThreadExecutor();
            int ticks = 0;
            int failedTicks = 0;
            int overlaps = 0;
            int missed = 0;
            try {
                Instant next = START;
                for (int i = 0; next.isBefore(END); i++) {
                    if (clock.instant().isBefore(next)) {
                        clock.set(next);
                    }
                    Instant now = clock.instant();
                    people.step(now, i);
                    if (i % 45 == 30) {
                        missed += 3; // the scheduler skipped three ticks (a host suspended, a throttled Lambda)
                        next = next.plus(TICK.multipliedBy(4));
                        continue;
                    }
                    Instant deadline = now.plus(TICK);
                    Future<TickReport> other = null;
                    // Overlap where it matters: at the minute the lead of quarter-hour breaks begins, and for
                    // two whole half hours (the second engine's cache is warm then, so both race to claim).
                    int hour = now.atZone(java.time.ZoneOffset.UTC).getHour();
                    int minute = now.atZone(java.time.ZoneOffset.UTC).getMinute();
                    if (minute % 15 == 5 || ((hour == 13 || hour == 16) && minute < 30)) {
                        overlaps++;
                        other = second.submit(() -> overlapping.tick(now, deadline));
                    }
                    failedTicks += tick(engine, now, deadline);
                    ticks++;
                    if (other != null) {
                        failedTicks += joined(other);
                    }
                    next = now.plus(TICK).isAfter(clock.instant()) ? now.plus(TICK)
                            : clock.instant().plus(TICK); // a slow tick: the next one starts at once after it
                }
            } finally {
                second.shutdownNow();
            }
            sim.faults().clear();

            Verdict v = new Verdict(org, new GroundTruth(org, sim.clientId()), people, preBreakId, List.copyOf(audit));
            System.out.printf("soak: %d ticks (%d failed in part, %d overlapping, %d missed), %d requests (%s), "
                            + "%d pre-breaks and %d reverts applied, %d claims lost to the overlapping tick, %d activities eligible, %d edits%n",
                    ticks, failedTicks, overlaps, missed, sim.requestStats().total(), statusSummary(sim),
                    v.applied(ActionKind.PRE_BREAK), v.applied(ActionKind.REVERT),
                    audit.stream().filter(r -> r.outcome() == Outcome.TAKEN_BY_ANOTHER_TICK).count(), v.eligible.size(),
                    people.edits().size());

            // The faults really happened, and so did the situations the assertions are about.
            assertThat(sim.requestStats().countStatus(429)).as("429s answered").isGreaterThan(100);
            assertThat(sim.requestStats().countStatus(0)).as("connections dropped").isGreaterThan(5);
            assertThat(sim.requestStats().countStatus(401)).as("revoked tokens seen").isGreaterThan(0);
            assertThat(v.eligible.size()).as("eligible activities").isGreaterThan(200);
            assertThat(v.applied(ActionKind.REVERT)).as("reverts").isGreaterThan(0);

            assertThat(v.missedWhileEligible()).as("eligible activities whose agent never reached Pre-Break in time").isEmpty();
            assertThat(v.early()).as("pre-breaks set before the activity's lead began").isEmpty();
            assertThat(v.ineligibleTouched()).as("pre-breaks written to agents who were not On Queue").isEmpty();
            assertThat(v.actedOnTwice()).as("activities pre-broken more than once").isEmpty();
            assertThat(v.unowedReverts()).as("reverts that were not owed").isEmpty();
            assertThat(v.auditWithoutLog()).as("APPLIED audit records with no write in the log").isEmpty();
            assertThat(v.logWithoutAudit()).as("writes in the log with no APPLIED audit record").isEmpty();
        }
    }

    private int tick(Engine engine, Instant now, Instant deadline) {
        try {
            return engine.tick(now, deadline).failed() ? 1 : 0;
        } catch (RuntimeException e) { // org-wide reads failed: the daemon logs it and ticks again next minute
            return 1;
        }
    }

    private static int joined(Future<TickReport> tick) throws InterruptedException {
        try {
            return tick.get().failed() ? 1 : 0;
        } catch (java.util.concurrent.ExecutionException e) {
            return 1;
        }
    }

    private Engine engine(Simulator sim, Config config, SimClock clock, InMemoryStateStore store, long seed) {
        GenesysClient client = GenesysClient.builder().region(sim.baseUrl().toString())
                .credentials(sim.clientId(), sim.clientSecret()).clock(clock).sleeper(clock::advance)
                .jitterSeed(seed).build();
        return new Engine(config, client, store, audit::add, clock);
    }

    private static Config config(Simulator sim, String bu) {
        return new ConfigLoader(Map.of("SIM_SECRET", sim.clientSecret())).parse(String.join("\n",
                "genesys:",
                "  region: " + sim.baseUrl(),
                "  clientId: " + sim.clientId(),
                "  clientSecret: env:SIM_SECRET",
                "scope:",
                "  businessUnits: [" + bu + "]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Meal]",
                "    lead: 10m",
                "    presence: Pre-Break",
                "tick: 60s",
                ""), "soak configuration");
    }

    private static String statusSummary(Simulator sim) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        sim.requestStats().snapshot().values().forEach(m -> m.forEach((s, n) -> byStatus.merge(s, n, Long::sum)));
        return byStatus.entrySet().stream().map(e -> (e.getKey() == 0 ? "dropped" : e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The soak's findings, each a list of what went wrong (empty when right). */
    private static final class Verdict {
        private final GroundTruth truth;
        private final Workday people;
        private final String preBreakId;
        private final List<AuditRecord> audit;
        private final Map<String, List<Workday.Edit>> edits;
        /** Activities (user, start) whose agent was eligible for the whole lead window. */
        final List<Map.Entry<String, Activity>> eligible = new ArrayList<>();

        Verdict(Org org, GroundTruth truth, Workday people, String preBreakId, List<AuditRecord> audit) {
            this.truth = truth;
            this.people = people;
            this.preBreakId = preBreakId;
            this.audit = audit;
            this.edits = people.editsByUser();
            for (String user : org.userIds()) {
                for (Activity a : people.coveredActivities(user)) {
                    if (isEligible(user, a)) {
                        eligible.add(Map.entry(user, a));
                    }
                }
            }
        }

        /**
         * Eligible: the activity (as the final schedule has it) had its whole lead window inside the run,
         * was not moved there less than 40 minutes before (so prebreak's periodic refresh must have seen
         * it), the agent was On Queue when the lead began, and nobody but prebreak changed their presence
         * until the activity started. On Queue in the simulator always means routing IDLE or INTERACTING,
         * the rule's eligible statuses.
         */
        private boolean isEligible(String user, Activity a) {
            Instant trigger = a.startDate().minus(LEAD);
            if (trigger.isBefore(START) || !a.startDate().isBefore(END)) {
                return false;
            }
            boolean movedHereLate = edits.getOrDefault(user, List.of()).stream().anyMatch(e ->
                    a.startDate().equals(e.newStart()) && e.at().isAfter(a.startDate().minus(Duration.ofMinutes(40))));
            if (movedHereLate) {
                return false;
            }
            return truth.presenceBefore(user, trigger).equals(PresenceDefinition.ON_QUEUE_ID)
                    && !truth.othersWroteBetween(user, trigger, a.startDate());
        }

        long applied(ActionKind kind) {
            return audit.stream().filter(r -> r.outcome() == Outcome.APPLIED && r.kind() == kind).count();
        }

        /** Eligible activities with no Pre-Break write by prebreak in [trigger, start). */
        List<String> missedWhileEligible() {
            List<String> missed = new ArrayList<>();
            for (Map.Entry<String, Activity> e : eligible) {
                Instant start = e.getValue().startDate();
                Instant trigger = start.minus(LEAD);
                boolean reached = truth.byPrebreak(e.getKey()).stream().anyMatch(c -> c.toPresenceId().equals(preBreakId)
                        && !c.at().isBefore(trigger) && c.at().isBefore(start));
                if (!reached) {
                    missed.add(e.getKey() + " activity at " + start);
                }
            }
            return missed;
        }

        /** APPLIED pre-breaks written before their activity's lead began, or after it started. */
        List<String> early() {
            return audit.stream().filter(r -> r.outcome() == Outcome.APPLIED && r.kind() == ActionKind.PRE_BREAK)
                    .filter(r -> r.at().isBefore(r.activityStart().minus(LEAD)) || !r.at().isBefore(r.activityStart()))
                    .map(r -> r.userId() + " at " + r.at() + " for " + r.activityStart()).toList();
        }

        /** Pre-Break writes by prebreak to an agent who was not On Queue just before. */
        List<PresenceChange> ineligibleTouched() {
            return truth.byPrebreak().stream().filter(c -> c.toPresenceId().equals(preBreakId))
                    .filter(c -> c.fromSystemPresence() != SystemPresence.ON_QUEUE).toList();
        }

        /** Activities with more than one APPLIED pre-break (the log matches the audit, checked below). */
        List<String> actedOnTwice() {
            Map<String, Long> counts = audit.stream()
                    .filter(r -> r.outcome() == Outcome.APPLIED && r.kind() == ActionKind.PRE_BREAK)
                    .collect(Collectors.groupingBy(r -> r.userId() + " " + r.activityStart(), Collectors.counting()));
            return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        }

        /**
         * A revert is owed when, at the moment it was written, the agent sat in Pre-Break and the
         * activity it was for had been moved or deleted by then.
         */
        List<String> unowedReverts() {
            List<String> wrong = new ArrayList<>();
            for (AuditRecord r : audit) {
                if (r.outcome() != Outcome.APPLIED || r.kind() != ActionKind.REVERT) {
                    continue;
                }
                PresenceChange write = truth.byPrebreak(r.userId()).stream()
                        .filter(c -> c.toSystemPresence() == SystemPresence.ON_QUEUE && !c.at().isBefore(r.at()))
                        .findFirst().orElse(null);
                boolean inPreBreak = write != null && write.fromPresenceId().equals(preBreakId);
                boolean gone = edits.getOrDefault(r.userId(), List.of()).stream().anyMatch(e ->
                        e.oldStart().equals(r.activityStart()) && !e.at().isAfter(r.at()));
                if (!inPreBreak || !gone) {
                    wrong.add(r.userId() + " reverted at " + r.at() + " for " + r.activityStart()
                            + (inPreBreak ? "" : " (not in Pre-Break)") + (gone ? "" : " (activity still scheduled)"));
                }
            }
            return wrong;
        }

        /** Per user, APPLIED audit records and prebreak's writes in the log, as multisets of target presence. */
        private Map<String, Map<String, Long>> appliedByUser() {
            return audit.stream().filter(r -> r.outcome() == Outcome.APPLIED).collect(Collectors.groupingBy(
                    AuditRecord::userId, Collectors.groupingBy(AuditRecord::toPresenceId, Collectors.counting())));
        }

        private Map<String, Map<String, Long>> writtenByUser() {
            return truth.byPrebreak().stream().collect(Collectors.groupingBy(PresenceChange::userId,
                    Collectors.groupingBy(PresenceChange::toPresenceId, Collectors.counting())));
        }

        List<String> auditWithoutLog() {
            return difference(appliedByUser(), writtenByUser());
        }

        List<String> logWithoutAudit() {
            return difference(writtenByUser(), appliedByUser());
        }

        private static List<String> difference(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
            List<String> out = new ArrayList<>();
            a.forEach((user, targets) -> targets.forEach((target, n) -> {
                long other = b.getOrDefault(user, Map.of()).getOrDefault(target, 0L);
                if (n > other) {
                    out.add(user + " -> " + target + ": " + n + " vs " + other);
                }
            }));
            return out;
        }
    }
}
