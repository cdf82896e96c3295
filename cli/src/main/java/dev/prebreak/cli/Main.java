package dev.prebreak.cli;

import picocli.CommandLine;

/** Entry point of the {@code prebreak} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        warmUpInBackground();
        System.exit(run(args));
    }

    /**
     * The HTTP client's first use loads the default TLS context and trust store, and Jackson's first use
     * builds its serializers: a few hundred milliseconds that can overlap with parsing the command line
     * and the configuration on a second core.
     */
    private static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                javax.net.ssl.SSLContext.getDefault();
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"warm\":[1]}");
            } catch (Exception e) {
                // Only an optimisation: the real first use reports any problem.
            }
        }, "prebreak-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Runs a command line and returns its exit code: 0 success, 1 tick failed, 2 bad usage or configuration. */
    public static int run(String... args) {
        return PrebreakCommand.commandLine().execute(args);
    }

    /** The same with another environment than the process's (tests: the state directory, secrets). */
    public static int run(java.util.Map<String, String> environment, String... args) {
        return PrebreakCommand.commandLine(environment).execute(args);
    }
}
