package dev.prebreak.sim;

import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.Org;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until SIGTERM or Ctrl-C.
 * <pre>
 * java -cp ... dev.prebreak.sim.SimulatorMain [--port 8089] [--bind 127.0.0.1] [--agents 500] [--seed 42]
 *      [--client-id ID] [--client-secret SECRET] [--time 2026-11-24T13:00:00Z|now] [--speed 60]
 *      [--rate-limit 300]
 * </pre>
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Simulator.Builder builder = Simulator.builder().port(8089);
        Instant time = null;
        double speed = 1.0;
        int agents = 500;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + arg);
            }
            String value = args[++i];
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--bind" -> builder.bindAddress(value);
                case "--agents" -> agents = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--client-id" -> builder.credentials(value, clientSecretOf(args));
                case "--client-secret" -> builder.credentials(clientIdOf(args), value);
                case "--time" -> time = value.equals("now") ? null : Instant.parse(value);
                case "--speed" -> speed = Double.parseDouble(value);
                case "--rate-limit" -> builder.rateLimitPerMinute(Integer.parseInt(value));
                default -> fail("unknown option " + arg);
            }
        }
        runUntilStopped(start(builder, time, speed, agents, seed, System.out));
    }

    /** Blocks until SIGTERM or Ctrl-C, then closes the simulator. */
    public static void runUntilStopped(Simulator sim) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "sim-shutdown"));
        stopped.await();
    }

    /**
     * Starts a standalone simulator and prints what a client needs: base URL, org, credentials.
     * Shared by this main and the {@code prebreak sim} command.
     *
     * @param time the virtual start time, or null for now
     * @param speed virtual seconds per real second
     */
    public static Simulator start(Simulator.Builder builder, Instant time, double speed, int agents, long seed, PrintStream out) {
        Instant origin = time != null ? time : Instant.now();
        SimClock clock = time == null && speed == 1.0 ? SimClock.real() : SimClock.accelerated(origin, speed);
        builder.clock(clock).orgSpec(OrgSpec.of(agents, seed, LocalDate.ofInstant(origin, ZoneOffset.UTC)));
        Simulator sim = builder.build().start();
        Org org = sim.org();
        out.println("Genesys Cloud simulator listening on " + sim.baseUrl());
        out.println("  token URL:     " + sim.baseUrl() + "/oauth/token");
        out.println("  control API:   " + sim.baseUrl() + "/_sim/org");
        out.println("  sim time:      " + clock.instant() + " (" + clock.mode() + ", x" + clock.speed() + ")");
        out.println("  org:           " + org.agentCount() + " agents, " + org.businessUnits().size()
                + " business units, seed " + seed);
        for (BusinessUnit bu : org.businessUnits()) {
            out.println("    " + bu.id() + "  " + bu.name() + " (" + bu.timeZone() + ", "
                    + org.managementUnits(bu.id()).size() + " MUs, " + org.userIdsInBusinessUnit(bu.id()).size()
                    + " agents)");
        }
        // These are the simulator's own throwaway credentials, printed so a local client can use them.
        out.println("  client id:     " + sim.clientId());
        out.println("  client secret: " + sim.clientSecret());
        out.flush();
        return sim;
    }

    private static String clientIdOf(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--client-id")) {
                return args[i + 1];
            }
        }
        return dev.prebreak.sim.http.ApiSettings.defaults().clientId();
    }

    private static String clientSecretOf(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--client-secret")) {
                return args[i + 1];
            }
        }
        return dev.prebreak.sim.http.ApiSettings.defaults().clientSecret();
    }

    private static void usage() {
        System.out.println("usage: SimulatorMain [--port 8089] [--bind 127.0.0.1] [--agents 500] [--seed 42] "
                + "[--client-id ID] [--client-secret SECRET] [--time ISO|now] [--speed FACTOR] [--rate-limit N]");
    }

    private static void fail(String message) {
        System.err.println(message);
        usage();
        System.exit(2);
    }
}
