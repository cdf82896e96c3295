package dev.prebreak.cli;

import picocli.CommandLine;

/** Entry point of the {@code prebreak} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 success, 1 tick failed, 2 bad usage or configuration. */
    public static int run(String... args) {
        return PrebreakCommand.commandLine().execute(args);
    }
}
