package dev.prebreak.aws.config;

import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * The Lambda's YAML configuration in an SSM parameter, named by {@code PREBREAK_CONFIG=ssm:<name or ARN>}
 * (the variable that names a configuration file elsewhere). The templates create the parameter; the
 * function's {@code PREBREAK_*} variables still override what it says.
 */
public final class ConfigParameter {
    /** Prefix of {@value ConfigLoader#CONFIG_FILE_VARIABLE} that names an SSM parameter. */
    public static final String PREFIX = "ssm:";

    /** One read of the parameter: its version changes with every write. */
    public record Value(String name, long version, String text) {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }

        /** How messages name it: "SSM parameter /prebreak/config (version 3)". */
        public String source() {
            return "SSM parameter " + name + " (version " + version + ")";
        }
    }

    private final String name;
    private final Supplier<SsmClient> client;
    private SsmClient built;

    /** @param client built on the first read, so that constructing this calls nothing */
    public ConfigParameter(String name, Supplier<SsmClient> client) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The parameter {@code environment} names, if any.
     *
     * @throws InvalidConfigException when {@value ConfigLoader#CONFIG_FILE_VARIABLE} is set to anything but an SSM parameter
     */
    public static Optional<ConfigParameter> fromEnvironment(Map<String, String> environment, Supplier<SsmClient> client) {
        String value = environment.get(ConfigLoader.CONFIG_FILE_VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.startsWith(PREFIX) ? value.substring(PREFIX.length()).trim() : "";
        if (name.isEmpty()) {
            throw new InvalidConfigException(List.of(new ConfigProblem(ConfigLoader.CONFIG_FILE_VARIABLE,
                    "on Lambda it names an SSM parameter: " + PREFIX + "<parameter name or ARN>, got \"" + value + "\"")));
        }
        return Optional.of(new ConfigParameter(name, client));
    }

    public String name() {
        return name;
    }

    /**
     * Reads the parameter (decrypted, should it be a SecureString).
     *
     * @throws ConfigUnavailableException when SSM cannot be read or has no such parameter
     */
    public synchronized Value read() {
        if (built == null) {
            built = client.get();
        }
        try {
            GetParameterResponse response = built.getParameter(b -> b.name(name).withDecryption(true));
            Parameter parameter = response.parameter();
            return new Value(name, parameter.version() == null ? 0 : parameter.version(),
                    parameter.value() == null ? "" : parameter.value());
        } catch (SdkException e) {
            throw new ConfigUnavailableException("cannot read the configuration from SSM parameter " + name + ": " + e.getMessage(), e);
        }
    }
}
