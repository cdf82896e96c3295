package dev.prebreak.sim.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fault injection for Genesys routes (never the control API). Probabilistic profiles apply globally and
 * per endpoint (both are drawn, global first); scripted one-shot faults take precedence and are used up
 * in order. One seeded random stream serves all draws, so a single-threaded client sees the same faults
 * on every run with the same seed.
 */
public final class Faults {
    /** What to do to one request: wait {@code delayMillis}, then apply {@code action} (null: answer normally). */
    public record Decision(long delayMillis, FaultKind action, int status, int retryAfterSeconds,
                           boolean lowercaseRetryAfter) {
        static final Decision NONE = new Decision(0, null, 0, 0, false);
    }

    private static final int[] SERVER_ERRORS = {500, 502, 503, 504};

    private SplittableRandom random;
    private long seed;
    private FaultProfile global = FaultProfile.NONE;
    private final Map<String, FaultProfile> endpoints = new LinkedHashMap<>();
    private final List<ScriptedFault> scripted = new ArrayList<>();

    public Faults(long seed) {
        reseed(seed);
    }

    public synchronized void reseed(long newSeed) {
        this.seed = newSeed;
        this.random = new SplittableRandom(newSeed);
    }

    public synchronized long seed() {
        return seed;
    }

    public synchronized Faults global(FaultProfile profile) {
        this.global = profile == null ? FaultProfile.NONE : profile;
        return this;
    }

    /** Sets the profile for an endpoint key ({@code METHOD /template}, template, or SDK operation name). */
    public synchronized Faults endpoint(String key, FaultProfile profile) {
        if (profile == null) {
            endpoints.remove(key);
        } else {
            endpoints.put(key, profile);
        }
        return this;
    }

    /** Queues a one-shot fault: "the next N calls to X answer 503". */
    public synchronized Faults script(ScriptedFault fault) {
        if (fault.times() > 0) {
            scripted.add(fault);
        }
        return this;
    }

    /** Removes every profile and scripted fault (the seed stays). */
    public synchronized void clear() {
        global = FaultProfile.NONE;
        endpoints.clear();
        scripted.clear();
    }

    public synchronized FaultProfile globalProfile() {
        return global;
    }

    public synchronized Map<String, FaultProfile> endpointProfiles() {
        return Map.copyOf(endpoints);
    }

    public synchronized List<ScriptedFault> pendingScripted() {
        return List.copyOf(scripted);
    }

    synchronized Decision decide(Route route) {
        for (int i = 0; i < scripted.size(); i++) {
            ScriptedFault f = scripted.get(i);
            if (f.endpoint().equals("*") || route.named(f.endpoint())) {
                if (f.times() > 1) {
                    scripted.set(i, new ScriptedFault(f.endpoint(), f.times() - 1, f.kind(), f.status(), f.millis(),
                            f.retryAfterSeconds(), f.lowercaseRetryAfter()));
                } else {
                    scripted.remove(i);
                }
                return scriptedDecision(f);
            }
        }
        Decision decision = draw(global, Decision.NONE);
        for (Map.Entry<String, FaultProfile> e : endpoints.entrySet()) {
            if (route.named(e.getKey())) {
                decision = draw(e.getValue(), decision);
            }
        }
        return decision;
    }

    private static Decision scriptedDecision(ScriptedFault f) {
        return switch (f.kind()) {
            case LATENCY -> new Decision(f.millis(), null, 0, 0, false);
            case SERVER_ERROR -> new Decision(0, FaultKind.SERVER_ERROR, f.status() == 0 ? 503 : f.status(), 0, false);
            case RATE_LIMIT -> new Decision(0, FaultKind.RATE_LIMIT, 429, Math.max(1, f.retryAfterSeconds()),
                    f.lowercaseRetryAfter());
            // The other kinds (drop, malformed, revoke, 429 without Retry-After, 504, 401) carry no parameters.
            default -> new Decision(0, f.kind(), 0, 0, false);
        };
    }

    /** Adds this profile's draws to an earlier decision; the first action drawn wins, delays add up. */
    private Decision draw(FaultProfile p, Decision before) {
        if (p.equals(FaultProfile.NONE)) {
            return before;
        }
        long delay = before.delayMillis() + p.latencyMillis();
        if (p.latencySpikeProbability() > 0 && random.nextDouble() < p.latencySpikeProbability()) {
            delay += p.latencySpikeMillis();
        }
        if (before.action() != null) {
            return new Decision(delay, before.action(), before.status(), before.retryAfterSeconds(),
                    before.lowercaseRetryAfter());
        }
        if (hit(p.dropProbability())) {
            return new Decision(delay, FaultKind.DROP, 0, 0, false);
        }
        if (hit(p.revokeProbability())) {
            return new Decision(delay, FaultKind.REVOKE_TOKENS, 0, 0, false);
        }
        if (hit(p.rateLimitProbability())) {
            return new Decision(delay, FaultKind.RATE_LIMIT, 429, Math.max(1, p.retryAfterSeconds()),
                    p.lowercaseRetryAfter());
        }
        if (hit(p.serverErrorProbability())) {
            int status = p.serverErrorStatus() != 0 ? p.serverErrorStatus()
                    : SERVER_ERRORS[random.nextInt(SERVER_ERRORS.length)];
            return new Decision(delay, FaultKind.SERVER_ERROR, status, 0, false);
        }
        if (hit(p.malformedProbability())) {
            return new Decision(delay, FaultKind.MALFORMED, 0, 0, false);
        }
        return new Decision(delay, null, 0, 0, false);
    }

    private boolean hit(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }
}
