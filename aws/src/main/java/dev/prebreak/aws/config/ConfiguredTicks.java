package dev.prebreak.aws.config;

import dev.prebreak.aws.sdk.AwsClients;
import dev.prebreak.aws.tick.LambdaWiring;
import dev.prebreak.aws.tick.ScheduledTicks;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.InvalidConfigException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's ticks, built from the configuration: the {@code PREBREAK_*} variables alone, or the
 * YAML of an SSM parameter with those variables overriding it (validated exactly as a file is).
 *
 * <p>With a parameter, the first invocation reads it, and later invocations read it again once
 * {@link #RECHECK} has passed; a new version replaces the ticks (a new engine, a new login), so a
 * change such as {@code dryRun: true} takes effect within about a minute, without a new function
 * version. A new version that is not valid fails every invocation, loudly, until it is fixed: it
 * never runs on with the old rules. A parameter that cannot be read again keeps the ticks it has.
 */
public final class ConfiguredTicks implements Supplier<ScheduledTicks> {
    /** How long a read of the parameter is trusted. */
    public static final Duration RECHECK = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredTicks.class);

    private final Map<String, String> environment;
    private final ConfigParameter parameter;
    private final Function<Config, ScheduledTicks> build;
    private final Clock clock;
    private final Duration recheck;

    private ScheduledTicks ticks;
    private long version = -1;
    private Instant checkedAt = Instant.MIN;

    /**
     * @param parameter the configuration's parameter, or null for the environment alone
     * @param build     makes the ticks of one configuration
     */
    public ConfiguredTicks(Map<String, String> environment, ConfigParameter parameter, Function<Config, ScheduledTicks> build,
                           Clock clock, Duration recheck) {
        this.environment = Map.copyOf(environment);
        this.parameter = parameter;
        this.build = Objects.requireNonNull(build, "build");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheck = Objects.requireNonNull(recheck, "recheck");
    }

    /** The Lambda's: the parameter {@code PREBREAK_CONFIG} names, if any, read with the container's AWS clients. */
    public static ConfiguredTicks fromEnvironment(Map<String, String> environment) {
        ConfigParameter parameter = ConfigParameter.fromEnvironment(environment,
                () -> AwsClients.fromEnvironment(environment).ssm()).orElse(null);
        return new ConfiguredTicks(environment, parameter, config -> LambdaWiring.ticks(environment, config),
                Clock.systemUTC(), RECHECK);
    }

    /**
     * The ticks of the current configuration.
     *
     * @throws InvalidConfigException     when the configuration is not valid (every problem listed)
     * @throws ConfigUnavailableException when the parameter cannot be read and no ticks exist yet
     */
    @Override
    public synchronized ScheduledTicks get() {
        if (parameter == null) {
            if (ticks == null) {
                ticks = build.apply(LambdaWiring.lambdaConfig(environment));
            }
            return ticks;
        }
        Instant now = clock.instant();
        if (ticks != null && now.isBefore(checkedAt.plus(recheck))) {
            return ticks;
        }
        ConfigParameter.Value value;
        try {
            value = parameter.read();
        } catch (ConfigUnavailableException e) {
            if (ticks == null) {
                throw e;
            }
            LOG.warn("configuration not re-read, the version {} in use stays: {}", version, e.getMessage());
            checkedAt = now;
            return ticks;
        }
        if (ticks == null || value.version() != version) {
            Config config = LambdaWiring.lambdaConfig(environment, value.text(), value.source());
            ticks = build.apply(config);
            LOG.info("configuration loaded from {}: {} rules, dryRun {}", value.source(), config.rules().size(), config.dryRun());
            version = value.version();
        }
        checkedAt = now;
        return ticks;
    }
}
