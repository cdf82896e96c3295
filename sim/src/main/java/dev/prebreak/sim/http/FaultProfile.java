package dev.prebreak.sim.http;

/**
 * Probabilistic faults for an endpoint or globally. Probabilities are per request in [0, 1].
 * {@code serverErrorStatus} 0 picks among 500/502/503/504; {@code retryAfterSeconds} 0 means 1.
 */
public record FaultProfile(double rateLimitProbability, int retryAfterSeconds, boolean lowercaseRetryAfter,
                           double serverErrorProbability, int serverErrorStatus,
                           long latencyMillis, double latencySpikeProbability, long latencySpikeMillis,
                           double dropProbability, double malformedProbability, double revokeProbability) {

    public static final FaultProfile NONE = new FaultProfile(0, 0, false, 0, 0, 0, 0, 0, 0, 0, 0);

    public FaultProfile withRateLimits(double probability, int retryAfterSeconds, boolean lowercaseHeader) {
        return new FaultProfile(probability, retryAfterSeconds, lowercaseHeader, serverErrorProbability,
                serverErrorStatus, latencyMillis, latencySpikeProbability, latencySpikeMillis, dropProbability,
                malformedProbability, revokeProbability);
    }

    public FaultProfile withServerErrors(double probability, int status) {
        return new FaultProfile(rateLimitProbability, retryAfterSeconds, lowercaseRetryAfter, probability, status,
                latencyMillis, latencySpikeProbability, latencySpikeMillis, dropProbability, malformedProbability,
                revokeProbability);
    }

    public FaultProfile withLatency(long fixedMillis, double spikeProbability, long spikeMillis) {
        return new FaultProfile(rateLimitProbability, retryAfterSeconds, lowercaseRetryAfter, serverErrorProbability,
                serverErrorStatus, fixedMillis, spikeProbability, spikeMillis, dropProbability, malformedProbability,
                revokeProbability);
    }

    public FaultProfile withDrops(double probability) {
        return new FaultProfile(rateLimitProbability, retryAfterSeconds, lowercaseRetryAfter, serverErrorProbability,
                serverErrorStatus, latencyMillis, latencySpikeProbability, latencySpikeMillis, probability,
                malformedProbability, revokeProbability);
    }

    public FaultProfile withMalformed(double probability) {
        return new FaultProfile(rateLimitProbability, retryAfterSeconds, lowercaseRetryAfter, serverErrorProbability,
                serverErrorStatus, latencyMillis, latencySpikeProbability, latencySpikeMillis, dropProbability,
                probability, revokeProbability);
    }

    public FaultProfile withRevocations(double probability) {
        return new FaultProfile(rateLimitProbability, retryAfterSeconds, lowercaseRetryAfter, serverErrorProbability,
                serverErrorStatus, latencyMillis, latencySpikeProbability, latencySpikeMillis, dropProbability,
                malformedProbability, probability);
    }
}
