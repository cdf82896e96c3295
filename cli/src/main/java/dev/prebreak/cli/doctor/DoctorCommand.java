package dev.prebreak.cli.doctor;

import dev.prebreak.cli.ConfigOptions;
import dev.prebreak.cli.ExitCode;
import dev.prebreak.cli.Prebreak;
import dev.prebreak.cli.PrebreakCommand;
import dev.prebreak.core.config.Config;
import dev.prebreak.genesys.GenesysClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the configured org before the first run, reading only: the login and region, every",
                "permission prebreak needs (each proved by the call that needs it), each rule's presence, each",
                "business and management unit, today's published schedule, the activity codes each rule matches,",
                "both shapes of a schedule search, the clock and the rate limit. Each check is a line marked",
                "✔ (fine), ✖ (would stop prebreak; what to do follows) or ! (worth knowing).",
                "Exit 0 when nothing would stop a tick, 1 when something would, 2 if the configuration is bad."})
public final class DoctorCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print the checks as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @ParentCommand
    PrebreakCommand parent;

    @Override
    public Integer call() {
        Config config = options.load(parent.environment());
        GenesysClient client = Prebreak.genesysClient(config, parent.environment(), Clock.systemUTC());
        List<Check> checks = new Checkup(config, client, Clock.systemUTC().instant()).run();
        int exit = CheckText.count(checks, Verdict.PROBLEM) == 0 ? ExitCode.OK : ExitCode.TICK_FAILED;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CheckJson.render(checks, exit));
        } else {
            CheckText.print(checks, out);
        }
        out.flush();
        return exit;
    }
}
