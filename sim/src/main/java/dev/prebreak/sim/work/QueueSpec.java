package dev.prebreak.sim.work;

import java.time.Duration;
import java.util.Objects;

/**
 * One ACD queue: its media, its share of the centre's workload, and the distributions its interactions
 * draw from. Handle time (connected time) is lognormal with the given mean and standard deviation;
 * after-call work is exponential with its mean; patience (time a waiting customer stays before
 * abandoning) is exponential with its mean, and zero means customers never abandon (emails, callbacks).
 *
 * @param workloadShare the share of the centre's agent time this queue's work takes (shares add up to 1)
 */
public record QueueSpec(String name, Media media, double workloadShare, Duration handleMean, Duration handleSd,
                        Duration afterCallWorkMean, Duration patienceMean) {
    public QueueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(media, "media");
        if (!(workloadShare > 0 && workloadShare <= 1)) {
            throw new IllegalArgumentException("workloadShare must be in (0, 1]: " + workloadShare);
        }
        if (handleMean.isNegative() || handleMean.isZero() || handleSd.isNegative() || afterCallWorkMean.isNegative()
                || patienceMean.isNegative()) {
            throw new IllegalArgumentException("queue " + name + ": durations must not be negative, handle mean above 0");
        }
    }

    /** Mean time an interaction of this queue occupies a slot of the agent's capacity: handle plus after-call work. */
    public double slotSeconds() {
        return handleMean.toMillis() / 1000.0 + afterCallWorkMean.toMillis() / 1000.0;
    }
}
