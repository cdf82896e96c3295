package dev.prebreak.cli;

import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.SimulatorMain;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run the Genesys Cloud simulator standalone, until SIGTERM or Ctrl-C.",
                "Prints a configuration for prebreak to use it (or writes it with --write-config), and its own",
                "throwaway client id and secret. run, plan and serve use this machine's clock, so they work",
                "against a simulator in real time (the default, --time now --speed 1); with another --time or",
                "--speed, look at it with plan --at TIME, or watch the demo."})
final class SimCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8088", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--agents", defaultValue = "500", description = "Agents in the synthetic org (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic org (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time", paramLabel = "ISO|now", defaultValue = "now",
            description = "Virtual start time, e.g. 2026-11-24T09:00:00Z, or now (default: now, in real time)")
    String time;

    @Option(names = "--speed", defaultValue = "1", description = "Virtual seconds per real second (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--rate-limit", defaultValue = "300", description = "Requests per minute per token (default ${DEFAULT-VALUE}; 0: off)")
    int rateLimit;

    @Option(names = "--client-id", description = "Client id the simulator accepts (default: its built-in one)")
    String clientId;

    @Option(names = "--client-secret", description = "Client secret the simulator accepts (default: its built-in one)")
    String clientSecret;

    @Option(names = "--write-config", paramLabel = "FILE",
            description = "Write a prebreak configuration for this simulator to FILE (its secret to FILE.secret, owner-only)")
    Path writeConfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Instant start = startTime();
        if (!(speed > 0)) {
            throw new ParameterException(spec.commandLine(), "--speed: must be more than 0, got " + speed);
        }
        Simulator.Builder builder = Simulator.builder().port(port).bindAddress(bind).rateLimitPerMinute(rateLimit);
        if (clientId != null || clientSecret != null) {
            builder.credentials(clientId != null ? clientId : dev.prebreak.sim.http.ApiSettings.defaults().clientId(),
                    clientSecret != null ? clientSecret : dev.prebreak.sim.http.ApiSettings.defaults().clientSecret());
        }
        PrintStream out = System.out;
        Simulator sim = SimulatorMain.start(builder, start, speed, agents, seed, out);
        out.println();
        if (start != null || speed != 1.0) {
            out.println("note: the simulator's clock is not this machine's: run and serve would judge its schedules"
                    + " by the real time (and refuse to write, seeing its Date header far off). Use plan --at with a"
                    + " time of the simulator's day, or start it with --time now --speed 1.");
        }
        if (writeConfig != null) {
            Path secret = writeConfig.resolveSibling(writeConfig.getFileName() + ".secret");
            writeOwnerOnly(secret, sim.clientSecret());
            Path journal = writeConfig.toAbsolutePath().resolveSibling(writeConfig.getFileName() + ".state.journal");
            Files.writeString(writeConfig, SimConfig.yaml(sim, "file:" + secret.toAbsolutePath(), journal.toString()),
                    StandardCharsets.UTF_8);
            out.println("configuration for prebreak written to " + writeConfig + "; try:");
            out.println("  ./prebreak plan --config " + writeConfig);
            out.println("  ./prebreak serve --config " + writeConfig);
        } else {
            out.println("configuration for prebreak (or use --write-config FILE), with SIM_CLIENT_SECRET set to the secret above:");
            out.println();
            out.print(SimConfig.yaml(sim, "env:SIM_CLIENT_SECRET", "prebreak-sim.state.journal"));
        }
        out.flush();
        SimulatorMain.runUntilStopped(sim);
        return ExitCode.OK;
    }

    private Instant startTime() {
        if (time.equals("now")) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--time: '" + time + "' is neither now nor an ISO-8601"
                    + " instant such as 2026-11-24T09:00:00Z");
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
