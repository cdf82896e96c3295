package dev.prebreak.cli;

import dev.prebreak.cli.report.ReportJson;
import dev.prebreak.cli.report.ReportText;
import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.StateSettings;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one tick now against the configured org and print what it did.",
                "What was done is remembered in the state store (by default a file in the per-user state",
                "directory, $XDG_STATE_HOME/prebreak or ~/.local/state/prebreak), so a later run never acts twice.",
                "Exit 1 if the tick failed, 2 if the configuration is bad."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print the tick report as JSON")
    boolean json;

    @Option(names = "--dry-run", description = "Decide and report, change nothing (same as dryRun: true)")
    boolean dryRun;

    @Option(names = "--audit", paramLabel = "FILE", description = "Append an audit record per change to this file (JSON lines)")
    Path audit;

    @Spec
    CommandSpec spec;

    @ParentCommand
    PrebreakCommand parent;

    @Override
    public Integer call() {
        Config config = options.load(parent.environment());
        if (dryRun) {
            config = config.withDryRun(true);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (config.state().store() == StateSettings.Store.MEMORY && !config.dryRun()) {
            err.println("warning: state.store is memory, so this run forgets what it did: a later"
                    + " run may act again on the same activities and cannot revert; leave state.store out (a file in "
                    + StateDirectory.of(parent.environment()) + ") or use state.store: file");
        }
        AuditLog auditLog = Prebreak.auditFile(audit);
        try (Prebreak prebreak = Prebreak.assemble(config, parent.environment(), Clock.systemUTC(), auditLog)) {
            TickReport report = prebreak.engine().tick();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ReportJson.render(report));
            } else {
                ReportText.print(report, options.verbose, out);
            }
            out.flush();
            if (report.failed()) {
                // The text report has said why, unit by unit; JSON readers get the reason on stderr.
                err.println(json ? FailureText.of(report) : FailureText.summary(report));
                return ExitCode.TICK_FAILED;
            }
            if (report.writesNotConfirmed() > 0) {
                err.println(report.writesNotConfirmed() + " presence writes failed or ended uncertain;"
                        + " the next run retries those that certainly did not land and settles the others");
                return ExitCode.TICK_FAILED;
            }
            return ExitCode.OK;
        }
    }
}
