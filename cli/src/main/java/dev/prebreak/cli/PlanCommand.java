package dev.prebreak.cli;

import dev.prebreak.cli.report.ReportJson;
import dev.prebreak.cli.report.ReportText;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Dry run: who would be set, and every skip with its reason.",
                "Changes nothing, not even the state store."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--at", paramLabel = "TIME", description = "Plan as of this time (ISO-8601, e.g. 2026-11-24T13:45:00Z or with an offset); default now")
    String at;

    @Option(names = "--json", description = "Print the plan as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant when = at == null ? Instant.now() : parse(at);
        Config config = options.load(System.getenv()).withDryRun(true);
        try (Prebreak prebreak = Prebreak.assembleForPlanning(config, System.getenv(), Clock.systemUTC())) {
            TickReport report = prebreak.engine().plan(when);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ReportJson.render(report));
            } else {
                ReportText.print(report, true, out);
            }
            out.flush();
            return report.failed() ? ExitCode.TICK_FAILED : ExitCode.OK;
        }
    }

    private Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--at: '" + text + "' is not an ISO-8601 time such as 2026-11-24T13:45:00Z");
            }
        }
    }
}
