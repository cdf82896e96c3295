package dev.prebreak.cli;

import dev.prebreak.cli.report.ReportJson;
import dev.prebreak.cli.report.ReportText;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.tick.TickReport;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Dry run: who would be set, and every skip with its reason.",
                "Changes nothing, not even the state store."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions options;

    @Option(names = "--at", paramLabel = "TIME", description = {"Plan as of this time; default now. ISO-8601 with an offset or"
            + " zone (2026-11-24T13:45:00Z, 2026-11-24T14:45+01:00), or without one (2026-11-24T13:45) to mean the business"
            + " unit's time zone. Schedules are read as of that time; presences can only be read as they are now."})
    String at;

    @Option(names = "--json", description = "Print the plan as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @ParentCommand
    PrebreakCommand parent;

    @Override
    public Integer call() {
        Config config = options.load(parent.environment()).withDryRun(true);
        try (Prebreak prebreak = Prebreak.assembleForPlanning(config, parent.environment(), Clock.systemUTC())) {
            Instant when = at == null ? Instant.now() : parse(at, prebreak.genesys(), config);
            TickReport report = prebreak.engine().plan(when);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(ReportJson.render(report));
            } else {
                if (at != null) {
                    out.println("note: judged against agents' presences as they are now (Genesys keeps no history of"
                            + " them), and the schedules and state store as of " + when);
                }
                ReportText.print(report, true, out);
            }
            out.flush();
            return report.failed() ? ExitCode.TICK_FAILED : ExitCode.OK;
        }
    }

    private Instant parse(String text, GenesysGateway genesys, Config config) {
        try {
            return ZonedDateTime.parse(text).toInstant(); // an offset, a zone, or both
        } catch (DateTimeParseException e) {
            // not with a zone: perhaps a local time
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at: '" + text + "' is not an ISO-8601 time"
                    + " such as 2026-11-24T13:45:00Z, 2026-11-24T14:45+01:00 or 2026-11-24T13:45 (the business unit's time zone)");
        }
        Set<ZoneId> zones = new java.util.LinkedHashSet<>();
        config.scope().businessUnits().forEach(bu -> zones.add(genesys.businessUnit(bu).timeZone()));
        config.scope().managementUnits().forEach(mu ->
                zones.add(genesys.businessUnit(genesys.managementUnit(mu).businessUnitId()).timeZone()));
        if (zones.size() != 1) {
            Set<String> names = new TreeSet<>();
            zones.forEach(z -> names.add(z.getId()));
            throw new CommandLine.ParameterException(spec.commandLine(), "--at: '" + text + "' has no zone or offset, and"
                    + " the business units in scope are in " + names.size() + " time zones (" + String.join(", ", names)
                    + "): add one, e.g. " + text + "Z or " + text + "+01:00");
        }
        ZoneId zone = zones.iterator().next();
        Instant when = local.atZone(zone).toInstant();
        spec.commandLine().getErr().println("--at " + text + " read in the business unit's time zone " + zone.getId() + ": " + when);
        return when;
    }
}
