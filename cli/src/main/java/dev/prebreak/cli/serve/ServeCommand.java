package dev.prebreak.cli.serve;

import dev.prebreak.cli.ConfigOptions;
import dev.prebreak.cli.Prebreak;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run as a daemon, ticking at the start of every tick period.",
                "SIGTERM or Ctrl-C finishes the tick in progress, then exits. Serves /healthz and /status."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--status-port", paramLabel = "PORT", defaultValue = "8089",
            description = "Port of /healthz and /status (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int statusPort;

    @Option(names = "--status-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to serve /healthz and /status on (default ${DEFAULT-VALUE})")
    String statusBind;

    @Option(names = "--audit", paramLabel = "FILE", defaultValue = "prebreak-audit.jsonl",
            description = "Append an audit record per change to this file (default ${DEFAULT-VALUE})")
    Path audit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.load(System.getenv());
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        try (Prebreak prebreak = Prebreak.assemble(config, System.getenv(), clock, Prebreak.auditFile(audit));
             StatusServer status = new StatusServer(statusBind, statusPort, prebreak.engine(), clock, config.tick())) {
            out.printf("prebreak serving: tick every %s%s, status on http://%s:%d/status, audit to %s%n", config.tick(),
                    config.dryRun() ? " (dry run)" : "", statusBind, status.port(), audit);
            out.flush();
            Daemon daemon = new Daemon(prebreak.engine(), clock, config.tick(), Pause.sleeping(clock), new TickListener() {
                @Override
                public void ticked(TickReport report) {
                    status.ticked(report);
                    out.printf("%s tick: %d changed, %d failed, %d skipped, %d API calls%s%n", report.at(),
                            report.count(dev.prebreak.core.audit.AuditRecord.Outcome.APPLIED).values().stream().mapToInt(i -> i).sum(),
                            report.count(dev.prebreak.core.audit.AuditRecord.Outcome.FAILED).values().stream().mapToInt(i -> i).sum(),
                            report.skipCounts().values().stream().mapToInt(i -> i).sum(), report.api().calls(),
                            report.failed() ? "  FAILED: " + String.join("; ", report.failures()) : "");
                    out.flush();
                }

                @Override
                public void failed(Instant at, RuntimeException error) {
                    status.failed(at, error);
                    out.printf("%s tick FAILED: %s%n", at, error.getMessage());
                    out.flush();
                }
            });
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                daemon.stop();
                try {
                    finished.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "prebreak-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                daemon.run(null);
            } finally {
                out.println("prebreak stopped");
                out.flush();
                finished.countDown();
            }
            return 0;
        }
    }
}
