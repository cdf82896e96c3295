package dev.prebreak.cli;

import dev.prebreak.cli.demo.DemoCommand;
import dev.prebreak.cli.serve.ServeCommand;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.gateway.GatewayException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "prebreak", mixinStandardHelpOptions = true, versionProvider = PrebreakCommand.Version.class,
        description = {"Sets Genesys Cloud agents to a Pre-Break presence a lead time before their scheduled breaks.",
                "It reads the published Workforce Management schedule, so routing stops offering new work while",
                "work in progress finishes, and agents start their breaks on time."},
        subcommands = {RunCommand.class, PlanCommand.class, ServeCommand.class, DemoCommand.class, SimCommand.class,
                dev.prebreak.cli.doctor.DoctorCommand.class, dev.prebreak.cli.day.ReportCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a tick failed (Genesys could not be read or written)", "2:bad usage or configuration"})
public final class PrebreakCommand implements Runnable {
    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PrebreakCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment the commands read settings, secrets and the state directory from. */
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, plan, doctor, serve, report, demo or sim");
    }

    /** The command line with prebreak's exit codes for configuration and Genesys failures. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The same, reading {@code environment} instead of the process's (tests). */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cl = new CommandLine(new PrebreakCommand(environment));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof InvalidConfigException) {
                err.println(e.getMessage());
                return ExitCode.BAD_CONFIG;
            }
            if (e instanceof GatewayException) {
                err.println("tick failed before any change: " + e.getMessage());
                return ExitCode.TICK_FAILED;
            }
            throw e;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PrebreakCommand.class.getPackage().getImplementationVersion();
            return new String[]{"prebreak " + (v == null ? "development build" : v)};
        }
    }
}
