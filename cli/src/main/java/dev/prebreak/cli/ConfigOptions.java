package dev.prebreak.cli;

import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.StateSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command that talks to Genesys shares: where the configuration is, and how chatty to be. */
public final class ConfigOptions {
    static final Path DEFAULT_FILE = Path.of("prebreak.yaml");

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration (default: $PREBREAK_CONFIG, else ./prebreak.yaml if present, else environment variables only)")
    Path config;

    @Option(names = {"-v", "--verbose"}, description = "Log prebreak's API calls (method, path, status, time, retries) and decisions to stderr")
    boolean verbose;

    /**
     * Reads the configuration from the file and the environment. Without a {@code state} setting the CLI
     * remembers across runs in the per-user {@link StateDirectory}: a second run must not act again on an
     * agent who went back On Queue by hand.
     */
    public Config load(Map<String, String> environment) {
        Logs.configure(verbose);
        ConfigLoader loader = new ConfigLoader(environment)
                .withStateDefaults(new StateSettings(StateSettings.Store.FILE, StateDirectory.journal(environment), null));
        Path file = config;
        String from = "--config";
        if (file == null && environment.containsKey(ConfigLoader.CONFIG_FILE_VARIABLE)) {
            file = Path.of(environment.get(ConfigLoader.CONFIG_FILE_VARIABLE));
            from = ConfigLoader.CONFIG_FILE_VARIABLE;
        }
        if (file == null) {
            if (Files.exists(DEFAULT_FILE)) {
                return loader.load(DEFAULT_FILE);
            }
            return fromEnvironmentOnly(loader);
        }
        if (!Files.exists(file)) {
            throw new InvalidConfigException(List.of(new ConfigProblem(from,
                    "the configuration file " + file.toAbsolutePath() + " does not exist")));
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidConfigException(List.of(new ConfigProblem(from,
                    "the configuration file " + file.toAbsolutePath() + " is not a readable file")));
        }
        return loader.load(file);
    }

    /** Environment variables alone; when they are not enough, the first problem says no file was found. */
    private static Config fromEnvironmentOnly(ConfigLoader loader) {
        try {
            return loader.fromEnvironment();
        } catch (InvalidConfigException e) {
            List<ConfigProblem> problems = new ArrayList<>();
            problems.add(new ConfigProblem("(file)", "no configuration file: --config not given, "
                    + ConfigLoader.CONFIG_FILE_VARIABLE + " not set, and no " + DEFAULT_FILE + " in "
                    + Path.of("").toAbsolutePath() + "; start from examples/prebreak.yaml"));
            problems.addAll(e.problems());
            throw new InvalidConfigException(problems);
        }
    }

    /**
     * One-line logs on stderr; stdout stays for reports. {@code --verbose} opens prebreak's own loggers
     * only: the JDK's (its HTTP client logs every frame at FINE) stay at the quiet default.
     */
    public static final class Logs {
        private Logs() {
        }

        public static void configure(boolean verbose) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$-7s %3$s: %5$s%6$s%n");
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            for (var h : root.getHandlers()) {
                root.removeHandler(h);
            }
            java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
            handler.setFormatter(new java.util.logging.SimpleFormatter());
            handler.setLevel(verbose ? java.util.logging.Level.FINE : java.util.logging.Level.WARNING);
            root.addHandler(handler);
            root.setLevel(java.util.logging.Level.WARNING);
            PREBREAK.setLevel(verbose ? java.util.logging.Level.FINE : java.util.logging.Level.WARNING);
        }

        /** Held, so that the level set on it is not lost when the logger is garbage-collected. */
        private static final java.util.logging.Logger PREBREAK = java.util.logging.Logger.getLogger("dev.prebreak");
    }
}
