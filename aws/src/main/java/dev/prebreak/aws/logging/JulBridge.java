package dev.prebreak.aws.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends {@code java.util.logging}, and with it {@code System.Logger} (which core and genesys use), to
 * log4j, so that their lines are JSON like the rest.
 *
 * <p>{@code log4j-jpl} does the same where the function's jars are on the system class path (tests,
 * custom runtimes). The managed Java runtime loads a function through its own class loader, where the
 * JDK never finds log4j-jpl's {@code LoggerFinder} and falls back to java.util.logging; this bridge
 * catches that case.
 */
public final class JulBridge {
    private static boolean installed;

    private JulBridge() {
    }

    public static synchronized void install() {
        if (!installed) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
            installed = true;
        }
    }
}
