package dev.prebreak.cli;

/** What the command's exit status means, for scripts and schedulers. */
public final class ExitCode {
    public static final int OK = 0;
    /** A tick failed: Genesys could not be read or written as needed. */
    public static final int TICK_FAILED = 1;
    /** Bad usage or configuration; every problem was listed. */
    public static final int BAD_CONFIG = 2;

    private ExitCode() {
    }
}
