package dev.prebreak.cli;

import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine.Option;

/** Options every command that talks to Genesys shares: where the configuration is, and how chatty to be. */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration (default: $PREBREAK_CONFIG, else ./prebreak.yaml if present, else environment variables only)")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log each API call and decision detail to stderr")
    boolean verbose;

    /** Reads the configuration from the file and the environment. */
    public Config load(Map<String, String> environment) {
        Logs.configure(verbose);
        ConfigLoader loader = new ConfigLoader(environment);
        Path file = config;
        if (file == null && environment.containsKey(ConfigLoader.CONFIG_FILE_VARIABLE)) {
            file = Path.of(environment.get(ConfigLoader.CONFIG_FILE_VARIABLE));
        }
        if (file == null && Files.exists(Path.of("prebreak.yaml"))) {
            file = Path.of("prebreak.yaml");
        }
        return file == null ? loader.fromEnvironment() : loader.load(file);
    }

    /** One-line logs on stderr; stdout stays for reports. */
    public static final class Logs {
        private Logs() {
        }

        public static void configure(boolean verbose) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n");
            Logger root = Logger.getLogger("");
            for (var h : root.getHandlers()) {
                root.removeHandler(h);
            }
            ConsoleHandler handler = new ConsoleHandler();
            handler.setFormatter(new SimpleFormatter());
            Level level = verbose ? Level.FINE : Level.WARNING;
            handler.setLevel(level);
            root.addHandler(handler);
            root.setLevel(level);
            Logger.getLogger("dev.prebreak").setLevel(level);
        }
    }
}
