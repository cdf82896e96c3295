package dev.prebreak.cli.serve;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * SIGTERM and SIGINT as a request to stop, instead of the JVM's default of shutting down with exit
 * code 143 (or 130): the daemon finishes its tick, closes the state store and returns, and the process
 * exits with 0. Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 9);
 * where it is missing, the JVM's default stays and the shutdown hook still stops the daemon cleanly.
 */
final class StopSignals {
    private static final Logger LOG = System.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    static void onTermOrInt(Runnable stop) {
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    LOG.log(Level.INFO, "SIG{0}: stopping after the tick in progress", name);
                    stop.run();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.log(Level.DEBUG, "cannot handle SIG" + name + ": " + e.getMessage());
            }
        }
    }
}
