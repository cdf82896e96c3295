package dev.prebreak.cli.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.http.FaultProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prebreak serve} as a real process against the simulator, killed with SIGKILL a dozen times at
 * seeded random points and restarted each time on the same state file and audit file, while a quarter of
 * the agents go back On Queue by hand once set to Pre-Break; then the simulator's ground truth is held to
 * the promises (see {@link Verdict}): no activity written twice, no agent who went back by hand set again,
 * every eligible agent set, every landed write audited.
 *
 * <p>Time: {@code serve} runs on the system clock, so the simulator runs in real time and the org is laid
 * out from the moment the test starts (no fixed dates): a 10 s tick, a 1-minute lead, one break per agent,
 * an agent falling due every half second, so whenever a process comes up some agents have just become due
 * and its first tick writes. Every presence write is delayed 1 s by the simulator before it lands, and goes through a
 * proxy ({@link WriteTap}) that reports when it was sent, when it landed and when its answer went back.
 *
 * <p>Kill points (12, shuffled by the seed): during start-up (a random moment of the JVM's start, or just
 * after the banner: loading the journal, the first tick's reads); while a write is in flight (a random
 * moment of its latency: it lands after the process is gone); just after a write landed (its answer held
 * back by the proxy until the kill); just after the answer reached prebreak (racing its journal and audit);
 * near a tick boundary (up to half a second either side). Then a last process runs until it has finished a
 * clean tick two tick lengths after the last kill (by then every claim a kill left is settled and its write
 * audited), and is stopped with SIGTERM.
 *
 * <p>The test waits on events (process output, the proxy's reports, the simulator's log), each wait
 * bounded; only kill instants are chosen on the clock. About a minute of wall time (55-70 s on two busy cores).
 * Seed: {@code -Dprebreak.crash.seed=N}; it is printed with any failure, with an account of the run.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KillNineTest {
    private static final long DEFAULT_SEED = 20261124L;
    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Duration LEAD = Duration.ofMinutes(1);
    /** One agent falls due every half second: less than any restart takes, so every first tick writes. */
    private static final Duration SPACING = Duration.ofMillis(500);
    /** Enough agents to fall due until the end of a slow run. */
    private static final int AGENTS = 240;
    private static final Duration WRITE_LATENCY = Duration.ofSeconds(1);
    /** Past this, the kills left are not made (a very slow machine); the run is judged all the same. */
    private static final Duration KILL_PHASE_BUDGET = Duration.ofSeconds(90);
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    enum Kind { STARTUP, IN_FLIGHT, LANDED, ANSWERED, NEAR_BOUNDARY }

    /** One planned kill: where, and a draw in [0, 1) that places it (a delay, an offset, a variant). */
    record Kill(Kind kind, double draw) {
    }

    @TempDir
    Path dir;

    @Test
    void killNineAtAnyInstantNeverWritesTwiceNorFightsAnAgentNorLosesABreakOrAnAuditRecord() throws Exception {
        long seed = Long.getLong("prebreak.crash.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        Account account = new Account();
        account.note("test", "seed " + seed + " (rerun with -Dprebreak.crash.seed=" + seed + ")");

        CrashOrg layout = new CrashOrg(account.start().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS), SPACING, AGENTS, LEAD);
        List<String> ids = layout.agents().stream().map(CrashOrg.Agent::id).collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(ids, random);
        Set<String> returners = new LinkedHashSet<>(ids.subList(0, ids.size() / 4));
        List<Kill> plan = plan(random);
        account.note("test", "kill plan: " + plan.stream().map(k -> k.kind().toString()).collect(Collectors.joining(", ")));
        account.note("test", "returners: " + returners.stream().sorted().collect(Collectors.joining(", ")));

        Path audit = dir.resolve("audit.jsonl");
        List<ServeProcess> processes = new ArrayList<>();
        List<Instant> kills = new ArrayList<>();
        List<String> selfExits = new ArrayList<>();
        Verdict verdict;
        try (Simulator sim = Simulator.builder().clock(SimClock.real()).org(layout::build).rateLimitPerMinute(0).build().start();
             WriteTap tap = new WriteTap(sim.baseUrl(), account)) {
            for (CrashOrg.Agent a : layout.agents()) {
                sim.org().setInteractionsEnabled(a.id(), false); // idle On Queue throughout: eligible
                sim.org().endInteraction(a.id());
            }
            sim.faults().endpoint(WriteTap.WRITE, FaultProfile.NONE.withLatency(WRITE_LATENCY.toMillis(), 0, 0));
            Path config = config(sim, tap);
            HandMoves hands = new HandMoves(sim, returners, random.nextLong(), account);
            try {
                Instant budget = Instant.now().plus(KILL_PHASE_BUDGET);
                for (Kill kill : plan) {
                    if (Instant.now().isAfter(budget)) {
                        account.note("test", "kill phase over its budget of " + KILL_PHASE_BUDGET.toSeconds() + " s: "
                                + (plan.size() - kills.size()) + " kills not made");
                        break;
                    }
                    ServeProcess p = ServeProcess.start(processes.size() + 1, account, config, audit);
                    processes.add(p);
                    String where = aim(kill, p, tap);
                    if (p.ended()) {
                        selfExits.add(p.name() + " exited by itself before its kill (" + where + ")");
                    }
                    p.kill(where);
                    tap.release();
                    kills.add(p.killedAt());
                }

                ServeProcess last = ServeProcess.start(processes.size() + 1, account, config, audit);
                processes.add(last);
                // A clean tick this late has settled every claim the kills left (and audited its write).
                Instant settled = (kills.isEmpty() ? Instant.now() : kills.get(kills.size() - 1))
                        .plus(TICK.multipliedBy(Verdict.CLAIM_SETTLES_AFTER));
                boolean calm = last.awaitTick(t -> t.clean() && !t.at().isBefore(settled), Duration.ofSeconds(90));
                if (!calm) {
                    selfExits.add(last.name() + " finished no clean tick after " + account.offset(settled).trim()
                            + (last.ended() ? " (it exited)" : " within 90 s"));
                }
                int exit = last.stop(Duration.ofSeconds(30));
                if (exit != 0 && exit != 143) {
                    selfExits.add(last.name() + " exited with " + exit + " on SIGTERM");
                }
            } finally {
                hands.close();
                for (ServeProcess p : processes) {
                    p.destroy();
                }
            }
            List<String> auditLines = Files.exists(audit) ? Files.readAllLines(audit, StandardCharsets.UTF_8) : List.of();
            List<ServeProcess.Tick> ticks = processes.stream().flatMap(p -> p.ticks().stream()).toList();
            verdict = new Verdict(account, layout.agents(), returners, sim.presenceLog().all(), sim.clientId(), ticks, kills,
                    TICK, auditLines);
        }

        String report = "seed " + seed + " (rerun with -Dprebreak.crash.seed=" + seed + "): " + kills.size() + " kills, "
                + processes.size() + " processes; " + verdict.summary();
        System.out.println("crash test: " + report);
        String message = report + "\n" + (selfExits.isEmpty() ? "" : "processes that misbehaved:\n  "
                + String.join("\n  ", selfExits) + "\n") + verdict.findings()
                + "\naccount of the run (times since the test started):\n" + account.render();
        assertThat(selfExits.isEmpty() && verdict.passed()).withFailMessage("%s", message).isTrue();
    }

    /** A dozen kills, shuffled by the seed. */
    private static List<Kill> plan(Random random) {
        List<Kind> kinds = new ArrayList<>();
        kinds.addAll(Collections.nCopies(2, Kind.STARTUP));
        kinds.addAll(Collections.nCopies(4, Kind.IN_FLIGHT));
        kinds.addAll(Collections.nCopies(3, Kind.LANDED));
        kinds.add(Kind.ANSWERED);
        kinds.addAll(Collections.nCopies(2, Kind.NEAR_BOUNDARY));
        Collections.shuffle(kinds, random);
        List<Kill> plan = new ArrayList<>();
        for (Kind kind : kinds) {
            plan.add(new Kill(kind, random.nextDouble()));
        }
        return plan;
    }

    /** Waits for the moment {@code kill} aims at in process {@code p}; returns where that is, for the account. */
    private static String aim(Kill kill, ServeProcess p, WriteTap tap) throws InterruptedException {
        int firstWrite = tap.nextWrite();
        switch (kill.kind()) {
            case STARTUP: {
                if (kill.draw() < 0.5) {
                    long millis = 100 + (long) (kill.draw() * 2 * 1100);
                    pauseUntil(p.spawned().plusMillis(millis), p);
                    return "during start-up, " + millis + " ms after it was started";
                }
                boolean banner = p.awaitLine(l -> l.contains("prebreak serving"), EVENT_WAIT);
                return banner ? "during start-up, just after its banner" : "during start-up (no banner within " + EVENT_WAIT.toSeconds() + " s)";
            }
            case IN_FLIGHT: {
                Optional<WriteTap.Event> sent = tap.await(WriteTap.Stage.SENT, firstWrite, EVENT_WAIT);
                if (sent.isEmpty()) {
                    return "while a write was in flight, but none was sent within " + EVENT_WAIT.toSeconds() + " s";
                }
                long millis = (long) (kill.draw() * (WRITE_LATENCY.toMillis() - 200));
                pauseUntil(sent.get().at().plusMillis(millis), p);
                return "while write #" + sent.get().write() + " was in flight, " + millis + " ms after it was sent (it lands later)";
            }
            case LANDED: {
                tap.holdNextAnswer(firstWrite);
                Optional<WriteTap.Event> landed = tap.await(WriteTap.Stage.LANDED, firstWrite, EVENT_WAIT);
                return landed.map(e -> "just after write #" + e.write() + " landed, its answer held back")
                        .orElse("just after a write landed, but none did within " + EVENT_WAIT.toSeconds() + " s");
            }
            case ANSWERED: {
                Optional<WriteTap.Event> answered = tap.await(WriteTap.Stage.ANSWERED, firstWrite, EVENT_WAIT);
                return answered.map(e -> "just after the answer to write #" + e.write() + " reached it")
                        .orElse("just after an answer, but none came within " + EVENT_WAIT.toSeconds() + " s");
            }
            default: {
                p.awaitLine(l -> l.contains("prebreak serving"), EVENT_WAIT);
                long period = TICK.toMillis();
                long boundary = Math.floorDiv(Instant.now().toEpochMilli() + 1000 + period, period) * period;
                long offset = Math.round((kill.draw() * 2 - 1) * 500);
                pauseUntil(Instant.ofEpochMilli(boundary + offset), p);
                return String.format("near the tick boundary at %s, %+d ms from it", Instant.ofEpochMilli(boundary), offset);
            }
        }
    }

    /** The chosen kill instant (a point in time, not an event): waits until then, or until the process ends. */
    private static void pauseUntil(Instant at, ServeProcess p) throws InterruptedException {
        for (long left = Duration.between(Instant.now(), at).toMillis(); left > 0 && !p.ended();
             left = Duration.between(Instant.now(), at).toMillis()) {
            Thread.sleep(Math.min(left, 20));
        }
    }

    private Path config(Simulator sim, WriteTap tap) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, sim.clientSecret());
        Path config = dir.resolve("prebreak.yaml");
        Files.writeString(config, String.join("\n",
                "genesys:",
                "  region: " + tap.baseUrl(),
                "  clientId: " + sim.clientId(),
                "  clientSecret: file:" + secret,
                "scope:",
                "  businessUnits: [" + CrashOrg.BUSINESS_UNIT + "]",
                "rules:",
                "  - {name: breaks, categories: [Break], lead: 1m, presence: Pre-Break}",
                "tick: 10s",
                "state: {store: file, file: " + dir.resolve("state.journal") + "}",
                ""));
        return config;
    }
}
