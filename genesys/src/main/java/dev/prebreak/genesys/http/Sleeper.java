package dev.prebreak.genesys.http;

import java.time.Duration;

/**
 * How the client waits between attempts and to pace calls. Production sleeps the thread; tests
 * inject one that advances a virtual clock, so that no test ever really waits.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
