package dev.prebreak.cli;

import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.SimulatorMain;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run the Genesys Cloud simulator standalone, until SIGTERM or Ctrl-C.",
                "Point prebreak at it with genesys.region: http://127.0.0.1:PORT and the client id and secret",
                "it prints (the simulator's own throwaway credentials)."})
final class SimCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8088", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--agents", defaultValue = "500", description = "Agents in the synthetic org (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic org (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time", paramLabel = "ISO", description = "Virtual start time (default: now, in real time)")
    Instant time;

    @Option(names = "--speed", defaultValue = "1", description = "Virtual seconds per real second (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--rate-limit", defaultValue = "300", description = "Requests per minute per token (default ${DEFAULT-VALUE}; 0: off)")
    int rateLimit;

    @Option(names = "--client-id", description = "Client id the simulator accepts (default: its built-in one)")
    String clientId;

    @Option(names = "--client-secret", description = "Client secret the simulator accepts (default: its built-in one)")
    String clientSecret;

    @Override
    public Integer call() throws InterruptedException {
        Simulator.Builder builder = Simulator.builder().port(port).bindAddress(bind).rateLimitPerMinute(rateLimit);
        if (clientId != null || clientSecret != null) {
            builder.credentials(clientId != null ? clientId : dev.prebreak.sim.http.ApiSettings.defaults().clientId(),
                    clientSecret != null ? clientSecret : dev.prebreak.sim.http.ApiSettings.defaults().clientSecret());
        }
        SimulatorMain.runUntilStopped(SimulatorMain.start(builder, time, speed, agents, seed, System.out));
        return ExitCode.OK;
    }
}
