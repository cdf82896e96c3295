package dev.prebreak.cli.serve;

import dev.prebreak.cli.ConfigOptions;
import dev.prebreak.cli.Prebreak;
import dev.prebreak.cli.PrebreakCommand;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.List;
import java.util.Optional;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.StateSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run as a daemon, ticking at the start of every tick period.",
                "SIGTERM or Ctrl-C finishes the tick in progress, then exits with 0.",
                "Serves a status page at /, and /healthz, /status (JSON) and /metrics (Prometheus)."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--status-port", paramLabel = "PORT", defaultValue = "8089",
            description = "Port of the status page, /healthz, /status and /metrics (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int statusPort;

    @Option(names = "--status-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to serve them on (default ${DEFAULT-VALUE}); any other than loopback needs --status-token")
    String statusBind;

    @Option(names = StatusToken.OPTION, paramLabel = "REF",
            description = "Where the access token every request must carry is: env:NAME or file:PATH, never the token itself."
                    + " Required when --status-bind is not loopback: the page shows agents' names")
    String statusToken;

    @Option(names = "--audit", paramLabel = "FILE", defaultValue = "prebreak-audit.jsonl",
            description = "Append an audit record per change to this file (default ${DEFAULT-VALUE})")
    Path audit;

    @Spec
    CommandSpec spec;

    @ParentCommand
    PrebreakCommand parent;

    @Override
    public Integer call() throws Exception {
        Config config = options.load(parent.environment());
        if (config.state().store() == StateSettings.Store.MEMORY && !config.dryRun()) {
            throw new InvalidConfigException(List.of(new ConfigProblem("state.store",
                    "memory forgets what was done at every restart, so the daemon would act twice on activities and"
                            + " owe reverts it no longer knows; use state.store: file (or dryRun: true)")));
        }
        // Read before anything starts, so that a missing token is a usage error like any other.
        Optional<StatusToken> token = statusToken == null ? Optional.empty()
                : Optional.of(StatusToken.read(statusToken, parent.environment()));
        StatusServer.requireTokenBeyondLoopback(statusBind, token);
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch finished = new CountDownLatch(1);
        try {
            serve(config, token, clock, out, finished);
        } finally {
            out.println("prebreak stopped");
            out.flush();
            finished.countDown(); // only now may a SIGTERM let the JVM halt: the state store is closed
        }
        return 0;
    }

    private void serve(Config config, Optional<StatusToken> token, Clock clock, PrintWriter out, CountDownLatch finished)
            throws Exception {
        try (Prebreak prebreak = Prebreak.assemble(config, parent.environment(), clock, Prebreak.auditFile(audit));
             StatusServer status = new StatusServer(statusBind, statusPort, prebreak.engine(), clock, MonotonicClock.system(),
                     config.tick(), new StatusServer.Options(prebreak.genesys(), config.rules(), token, StatusServer.PAGE_REFRESH))) {
            String host = statusBind.contains(":") ? "[" + statusBind + "]" : statusBind;
            out.printf("prebreak serving: tick every %s%s, status page on http://%s:%d/ (%s), status on http://%s:%d/status,"
                            + " audit to %s%n", config.tick(), config.dryRun() ? " (dry run)" : "", host, status.port(),
                    token.isPresent() ? "access token required" : "loopback only", host, status.port(), audit);
            out.flush();
            Daemon daemon = new Daemon(prebreak.engine(), clock, MonotonicClock.system(), config.tick(), new TickListener() {
                @Override
                public void ticked(TickReport report) {
                    status.ticked(report);
                    // Every tick line starts "<time> tick: " and a failed one holds "FAILED", for whoever reads the log.
                    if (report.failed() && report.results().isEmpty()) {
                        out.printf("%s tick: FAILED before any change: %s%n", report.at(), String.join("; ", report.failures()));
                    } else {
                        out.printf("%s tick: %d changed, %d failed, %d skipped, %d API calls%s%n", report.at(),
                                total(report.count(Outcome.APPLIED)), report.writesNotConfirmed(),
                                total(report.skipCounts()), report.api().calls(),
                                report.failed() ? "; FAILED in " + report.failures().size() + " business unit(s), nothing changed"
                                        + " there: " + String.join("; ", report.failures()) : "");
                    }
                    out.flush();
                }

                @Override
                public void clockStepped(ClockStep step) {
                    status.clockStepped(step);
                }

                @Override
                public void failed(Instant at, RuntimeException error) {
                    status.failed(at, error);
                    out.printf("%s tick failed before any change: %s%n", at, error.getMessage());
                    out.flush();
                }
            });
            // SIGTERM and Ctrl-C stop the daemon like a return from run: the JVM then exits with 0, as
            // supervisors expect of a clean stop (a JVM shut down by the signal itself exits with 143).
            StopSignals.onTermOrInt(daemon::stop);
            // Any other shutdown (SIGHUP, an exit elsewhere) still waits for the state store to be closed.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                daemon.stop();
                try {
                    finished.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "prebreak-shutdown"));
            daemon.run(null);
        }
    }

    private static int total(java.util.Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
