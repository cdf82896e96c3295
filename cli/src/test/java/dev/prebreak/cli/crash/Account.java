package dev.prebreak.cli.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A readable, timestamped account of a crash run: kills, restarts, what each process printed, every
 * write the proxy saw, every agent who went back On Queue by hand. Printed with a failure, so that the
 * seed and this are all one needs to see what happened.
 */
final class Account {
    private final Instant start = Instant.now();
    private final List<String> lines = new ArrayList<>();

    Instant start() {
        return start;
    }

    /** Seconds since the run started, as the account prints times: {@code +12.345s}. */
    String offset(Instant at) {
        Duration d = Duration.between(start, at);
        return String.format("%+8.3fs", d.toMillis() / 1000.0);
    }

    synchronized void note(String who, String what) {
        lines.add(offset(Instant.now()) + "  " + String.format("%-9s", who) + " " + what);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized String render() {
        return String.join("\n", lines);
    }
}
