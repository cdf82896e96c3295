package dev.prebreak.cli.serve;

import java.time.Duration;
import java.time.Instant;

/**
 * The wall clock moved by more (or less) than the monotonic clock between two readings: it was stepped
 * (NTP, an operator), or the host was suspended, which the monotonic clock does not count.
 *
 * @param from the wall clock at the earlier reading
 * @param to the wall clock at the later reading
 * @param elapsed the time that passed between them by the monotonic clock
 */
public record ClockStep(Instant from, Instant to, Duration elapsed) {
    /** How far the wall clock moved beyond the time that passed: negative for a step back. */
    public Duration step() {
        return Duration.between(from, to).minus(elapsed);
    }

    public boolean back() {
        return step().isNegative();
    }

    /** For the log: which way, how far, and between which wall-clock times. */
    public String describe() {
        return "the wall clock stepped " + (back() ? "back " : "forward ") + amount(step()) + " (from " + from + " to "
                + to + " while " + amount(elapsed) + " passed" + (back() ? ")" : "; or the host was suspended)");
    }

    /** A duration as people read it: "1 h 2 min", "30 min", "4.250 s". */
    static String amount(Duration d) {
        Duration a = d.abs();
        long hours = a.toHours();
        int minutes = a.toMinutesPart();
        int seconds = a.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append(" h");
        }
        if (minutes > 0) {
            out.append(out.length() > 0 ? " " : "").append(minutes).append(" min");
        }
        if (hours == 0 && minutes == 0) {
            out.append(String.format("%d.%03d s", seconds, a.toMillisPart()));
        } else if (seconds > 0) {
            out.append(' ').append(seconds).append(" s");
        }
        return out.toString();
    }
}
