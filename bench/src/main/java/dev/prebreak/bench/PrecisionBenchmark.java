package dev.prebreak.bench;

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
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import dev.prebreak.sim.org.PresenceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Precision over a simulated day: 2,000 agents (one business unit in New York, three breaks and meals
 * a shift), a virtual clock stepped a tick at a time from local midnight for 24 hours, agents taking
 * their breaks and coming back On Queue. For every pre-break the simulator's ground-truth log shows,
 * the lead achieved minus the configured lead (10 minutes); and whether any eligible agent was missed.
 * Beside it, on a second simulator with the same org and the same agents, the public blueprint's
 * policy ({@link BlueprintPolicy}), measured the same way.
 *
 * <pre>java -cp bench/target/prebreak-bench.jar dev.prebreak.bench.PrecisionBenchmark [--agents 2000] [--phase P, default: all 15]</pre>
 *
 * Writes bench/results/precision.csv, bench/results/precision.md and docs/img/precision.svg.
 */
public final class PrecisionBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z"); // midnight in New York
    private static final Instant END = START.plus(Duration.ofDays(1));
    private static final Duration LEAD = Duration.ofMinutes(10);
    private static final Duration TICK = Duration.ofSeconds(60);

    /** One pre-break as the ground truth has it. */
    record Applied(String policy, String userId, Instant activityStart, Instant setAt) {
        long leadSeconds() {
            return Duration.between(setAt, activityStart).getSeconds();
        }

        long errorSeconds() {
            return leadSeconds() - LEAD.getSeconds();
        }
    }

    public static void main(String[] args) throws Exception {
        int agents = 2_000;
        int phase = -1; // all fifteen phases, each a deployment of the blueprint
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--phase" -> phase = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        OrgSpec spec = OrgSpec.of(agents, 42, DAY).withBusinessUnits(1, Math.max(1, Math.min(20, agents / 250)));
        long t0 = System.nanoTime();
        Result prebreak = prebreak(spec);
        long t1 = System.nanoTime();
        Result blueprint = phase >= 0 ? blueprint(spec, phase) : allPhases(spec);
        long t2 = System.nanoTime();
        System.err.printf("prebreak day simulated in %.1f s, blueprint day in %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        report(agents, phase, prebreak, blueprint);
    }

    /** What one policy did over the day, and the eligibility verdicts from the same ground truth. */
    record Result(List<Applied> applied, int eligible, List<String> missed, String notes) {
    }

    private static Result prebreak(OrgSpec spec) {
        SimClock clock = SimClock.fixed(START);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(spec).build().start()) {
            Org org = sim.org();
            String bu = org.businessUnits().get(0).id();
            String preBreak = org.presenceDefinitionByLabel("Pre-Break").orElseThrow().id();
            Config config = new ConfigLoader(Map.of("SIM_SECRET", sim.clientSecret())).parse(String.join("\n",
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
                    ""), "precision benchmark");
            GenesysClient client = GenesysClient.builder().region(sim.baseUrl().toString())
                    .credentials(sim.clientId(), sim.clientSecret()).clock(clock).sleeper(clock::advance).jitterSeed(1).build();
            List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
            Engine engine = new Engine(config, client, new InMemoryStateStore(), audit::add, clock);
            AgentRoutine routine = new AgentRoutine(org, bu, preBreak, START);
            int ticks = 0;
            int failed = 0;
            Instant next = START;
            while (next.isBefore(END)) {
                if (clock.instant().isBefore(next)) {
                    clock.set(next);
                }
                Instant now = clock.instant();
                routine.step(now);
                TickReport report = engine.tick(now, now.plus(TICK));
                ticks++;
                failed += report.failed() ? 1 : 0;
                next = now.plus(TICK).isAfter(clock.instant()) ? now.plus(TICK) : clock.instant();
            }
            List<Applied> applied = new ArrayList<>();
            Set<Long> used = new HashSet<>();
            for (AuditRecord r : audit) {
                if (r.outcome() != Outcome.APPLIED || r.kind() != ActionKind.PRE_BREAK) {
                    continue;
                }
                PresenceChange write = org.presenceLog().forUser(r.userId()).stream()
                        .filter(c -> c.clientId().equals(sim.clientId()) && c.toPresenceId().equals(preBreak)
                                && !c.at().isBefore(r.at()) && !used.contains(c.sequence()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no write in the log for " + r));
                used.add(write.sequence());
                applied.add(new Applied("prebreak", r.userId(), r.activityStart(), write.at()));
            }
            long unaudited = org.presenceLog().all().stream().filter(c -> c.clientId().equals(sim.clientId())
                    && c.toPresenceId().equals(preBreak) && !used.contains(c.sequence())).count();
            return verdict(org, routine, sim.clientId(), preBreak, applied, String.format(Locale.ROOT,
                    "%d ticks, %d failed; %d API calls (%d answered 429); %d Pre-Break writes in the log without an audit record",
                    ticks, failed, client.usage().calls(), client.usage().rateLimited(), unaudited));
        }
    }

    /** The blueprint's phase is wherever its rule happened to be created: pool a day at each of the 15. */
    private static Result allPhases(OrgSpec spec) {
        List<Applied> applied = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        int eligible = 0;
        for (int phase = 0; phase < 15; phase++) {
            Result r = blueprint(spec, phase);
            applied.addAll(r.applied());
            missed.addAll(r.missed());
            eligible += r.eligible();
        }
        return new Result(applied, eligible, missed, "15 simulated days, one per phase of the rate(15 minutes) rule (0 to 14 min "
                + "past the quarter hour), pooled");
    }

    private static Result blueprint(OrgSpec spec, int phaseMinutes) {
        SimClock clock = SimClock.fixed(START);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(spec).build()) { // never started: no HTTP needed
            Org org = sim.org();
            String bu = org.businessUnits().get(0).id();
            String preBreak = org.presenceDefinitionByLabel("Pre-Break").orElseThrow().id();
            AgentRoutine routine = new AgentRoutine(org, bu, preBreak, START);
            BlueprintPolicy policy = new BlueprintPolicy(org, routine, preBreak);
            Instant firstRun = START.plus(Duration.ofMinutes(phaseMinutes));
            for (Instant now = START; now.isBefore(END); now = now.plus(TICK)) {
                clock.set(now);
                routine.step(now);
                if (!now.isBefore(firstRun) && Duration.between(firstRun, now).toMinutes() % 15 == 0) {
                    policy.run(now);
                }
            }
            List<Applied> applied = new ArrayList<>();
            for (PresenceChange c : org.presenceLog().all()) {
                if (c.clientId().equals(BlueprintPolicy.CLIENT)) {
                    Instant start = routine.covered(c.userId()).stream().map(Activity::startDate)
                            .filter(s -> !s.isBefore(c.at())).min(Instant::compareTo).orElseThrow();
                    applied.add(new Applied("blueprint", c.userId(), start, c.at()));
                }
            }
            return verdict(org, routine, BlueprintPolicy.CLIENT, preBreak, applied,
                    "runs every 15 min at " + phaseMinutes + " min past the quarter hour");
        }
    }

    /**
     * Eligible: the activity's whole lead window lies in the day, the agent was On Queue when it began
     * (by everyone else's writes up to that instant), and nobody but the policy changed their presence
     * until the activity started. Missed: eligible, with no Pre-Break write by the policy before the
     * start (since 15 minutes before it, the earliest the blueprint sets one).
     */
    private static Result verdict(Org org, AgentRoutine routine, String client, String preBreak, List<Applied> applied,
                                  String notes) {
        Map<String, List<PresenceChange>> log = org.presenceLog().all().stream()
                .collect(Collectors.groupingBy(PresenceChange::userId));
        int eligible = 0;
        List<String> missed = new ArrayList<>();
        for (String user : routine.users()) {
            List<PresenceChange> changes = log.getOrDefault(user, List.of());
            for (Activity a : routine.covered(user)) {
                Instant trigger = a.startDate().minus(LEAD);
                if (trigger.isBefore(START) || !a.startDate().isBefore(END)) {
                    continue;
                }
                String presence = changes.isEmpty() ? org.requireState(user).presence().id() : changes.get(0).fromPresenceId();
                for (PresenceChange c : changes) {
                    // The agent's own presence, as others set it: the policy's writes are what is measured.
                    if (!c.clientId().equals(client) && !c.at().isAfter(trigger)) {
                        presence = c.toPresenceId();
                    }
                }
                boolean othersWrote = changes.stream().anyMatch(c -> !c.clientId().equals(client)
                        && c.at().isAfter(trigger) && c.at().isBefore(a.startDate()));
                if (!presence.equals(PresenceDefinition.ON_QUEUE_ID) || othersWrote) {
                    continue;
                }
                eligible++;
                // Reached: a Pre-Break by the policy before the start, since the earliest the blueprint could set it.
                Instant earliest = a.startDate().minus(BlueprintPolicy.EVERY);
                boolean reached = changes.stream().anyMatch(c -> c.clientId().equals(client) && c.toPresenceId().equals(preBreak)
                        && !c.at().isBefore(earliest) && c.at().isBefore(a.startDate()));
                if (!reached) {
                    missed.add(user + " " + a.startDate());
                }
            }
        }
        List<Applied> inDay = applied.stream().filter(p -> !p.activityStart().minus(LEAD).isBefore(START)).toList();
        return new Result(inDay, eligible, missed, notes);
    }

    private static void report(int agents, int phase, Result prebreak, Result blueprint) throws Exception {
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        List<String> csv = new ArrayList<>();
        csv.add("policy,user,activity_start,set_at,lead_s,lead_minus_target_s");
        for (Result r : List.of(prebreak, blueprint)) {
            for (Applied p : r.applied()) {
                csv.add(String.join(",", p.policy(), p.userId(), p.activityStart().toString(), p.setAt().toString(),
                        String.valueOf(p.leadSeconds()), String.valueOf(p.errorSeconds())));
            }
        }
        Files.write(results.resolve("precision.csv"), csv);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d agents, one business unit (America/New_York), 24 h from local midnight; "
                + "rule: Break and Meal categories, lead 10 min, tick 60 s.%n%n", agents));
        md.append("| policy | pre-breaks applied | lead achieved − target: min / median / max (s) | within one tick (−60..0 s) "
                + "| early (> 0 s) | late (< −60 s or after start) | eligible activities | missed while eligible |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Result r : List.of(prebreak, blueprint)) {
            long[] err = r.applied().stream().mapToLong(Applied::errorSeconds).sorted().toArray();
            long within = count(err, e -> e >= -60 && e <= 0);
            long early = count(err, e -> e > 0);
            long late = r.applied().stream().filter(p -> p.errorSeconds() < -60 || p.leadSeconds() <= 0).count();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %d / %d / %d | %,d (%.1f %%) | %,d | %,d | %,d | %,d |%n",
                    r.applied().isEmpty() ? "?" : r.applied().get(0).policy(), err.length,
                    err.length == 0 ? 0 : err[0], err.length == 0 ? 0 : err[err.length / 2], err.length == 0 ? 0 : err[err.length - 1],
                    within, err.length == 0 ? 0 : 100.0 * within / err.length, early, late, r.eligible(), r.missed().size()));
        }
        md.append("\nprebreak: ").append(prebreak.notes()).append(".  \nblueprint: ").append(blueprint.notes())
                .append(".\n");
        if (!prebreak.missed().isEmpty()) {
            md.append("\nprebreak missed: ").append(String.join(", ", prebreak.missed().subList(0, Math.min(10, prebreak.missed().size()))))
                    .append("\n");
        }
        Files.writeString(results.resolve("precision.md"), md.toString());
        System.out.println(md);

        // Lead achieved, 30-second bins from 0 to 16 minutes.
        int bins = 32;
        long[][] counts = new long[2][bins];
        List<Result> both = List.of(prebreak, blueprint);
        for (int s = 0; s < 2; s++) {
            for (Applied p : both.get(s).applied()) {
                int bin = (int) Math.floorDiv(p.leadSeconds(), 30);
                counts[s][Math.max(0, Math.min(bins - 1, bin))]++;
            }
        }
        Charts.histogram(Path.of("docs/img/precision.svg"),
                String.format(Locale.ROOT, "Lead achieved per pre-break, %,d agents over a day (target 10 min)", agents),
                "minutes between Pre-Break and the start of the break (30 s bins)", "pre-breaks", 0, 0.5,
                List.of("prebreak (tick 60 s, lead 10 min)", "blueprint (every 15 min, next 15 min)"), counts);
    }

    private static long count(long[] values, java.util.function.LongPredicate p) {
        return java.util.Arrays.stream(values).filter(p).count();
    }
}
