package dev.prebreak.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything prebreak needs to run, the same for the CLI, the daemon and the Lambda.
 * Read it with {@link ConfigLoader}; every value there can be overridden by an environment variable.
 *
 * @param tick how often prebreak looks at schedules; every agent is set within one tick of the lead
 * @param dryRun plan and report, change nothing
 * @param maxChangesPerTick a safety cap on presence changes in one tick; the rest wait for the next tick
 * @param maxClockSkew how far this machine's clock may be from Genesys' before prebreak refuses to write:
 *        beyond it, "15 minutes before the break" would be wrong by as much
 */
public record Config(GenesysSettings genesys, Scope scope, List<RuleSettings> rules, Duration tick, boolean dryRun,
                     int maxChangesPerTick, StateSettings state, Duration maxClockSkew) {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CHANGES_PER_TICK = 5000;
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    public Config {
        Objects.requireNonNull(genesys, "genesys");
        Objects.requireNonNull(scope, "scope");
        rules = List.copyOf(rules);
        tick = Objects.requireNonNullElse(tick, DEFAULT_TICK);
        Objects.requireNonNull(state, "state");
        maxClockSkew = Objects.requireNonNullElse(maxClockSkew, DEFAULT_MAX_CLOCK_SKEW);
    }

    public Config withDryRun(boolean dryRun) {
        return new Config(genesys, scope, rules, tick, dryRun, maxChangesPerTick, state, maxClockSkew);
    }

    /** The longest lead of any rule: how far ahead schedules must be read. */
    public Duration longestLead() {
        return rules.stream().map(RuleSettings::lead).max(Duration::compareTo).orElse(RuleSettings.DEFAULT_LEAD);
    }
}
