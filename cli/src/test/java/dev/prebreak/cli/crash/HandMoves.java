package dev.prebreak.cli.crash;

import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.org.PresenceChange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Agents who, once prebreak has put them in Pre-Break, go back On Queue by hand a moment later, through
 * the simulator, as the agent would in the Genesys client. Watches the simulator's presence log (a bounded
 * poll every 20 ms) on its own thread, so that agents react whatever the test is waiting for; each returner
 * goes back once, after a delay drawn from a seeded stream.
 */
final class HandMoves implements AutoCloseable {
    static final String AGENT_CLIENT = "agent-desktop";
    private static final Duration POLL = Duration.ofMillis(20);

    private final Simulator sim;
    private final Set<String> returners;
    private final Random random;
    private final Account account;
    private final Thread thread;
    private final Map<String, Instant> due = new LinkedHashMap<>();
    private final Set<String> handled = new HashSet<>();
    private volatile boolean stopping;
    private long seen;

    HandMoves(Simulator sim, Set<String> returners, long seed, Account account) {
        this.sim = sim;
        this.returners = Set.copyOf(returners);
        this.random = new Random(seed);
        this.account = account;
        this.thread = new Thread(this::run, "hand-moves");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!stopping) {
            for (PresenceChange c : sim.presenceLog().after(seen)) {
                seen = c.sequence();
                if (!c.clientId().equals(AGENT_CLIENT) && c.toPresenceId().equals(CrashOrg.PRE_BREAK)
                        && returners.contains(c.userId()) && handled.add(c.userId())) {
                    due.put(c.userId(), Instant.now().plusMillis(200 + random.nextInt(1300)));
                }
            }
            Instant now = Instant.now();
            due.entrySet().removeIf(e -> {
                if (now.isBefore(e.getValue())) {
                    return false;
                }
                String presence = sim.org().requireState(e.getKey()).presence().id();
                if (presence.equals(CrashOrg.PRE_BREAK)) {
                    sim.org().setPresence(e.getKey(), CrashOrg.ON_QUEUE, AGENT_CLIENT, "by hand");
                    account.note("agent", e.getKey() + " goes back On Queue by hand");
                } else {
                    account.note("agent", e.getKey() + " meant to go back On Queue but is no longer in Pre-Break");
                }
                return true;
            });
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops watching; returns that are still pending do not happen. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
