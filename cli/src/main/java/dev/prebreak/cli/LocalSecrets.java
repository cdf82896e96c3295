package dev.prebreak.cli;

import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads secrets the CLI can reach itself: environment variables and files. */
final class LocalSecrets {
    private final Map<String, String> environment;

    LocalSecrets(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @param key the configuration key holding the reference, for the message when it cannot be read */
    char[] read(SecretRef ref, String key) {
        switch (ref.source()) {
            case ENV: {
                String value = environment.get(ref.name());
                if (value == null || value.isEmpty()) {
                    throw problem(key, "refers to environment variable " + ref.name() + ", which is not set");
                }
                return value.toCharArray();
            }
            case FILE: {
                try {
                    String value = Files.readString(Path.of(ref.name()), StandardCharsets.UTF_8).strip();
                    if (value.isEmpty()) {
                        throw problem(key, "refers to file " + ref.name() + ", which is empty");
                    }
                    return value.toCharArray();
                } catch (IOException e) {
                    throw problem(key, "refers to file " + ref.name() + ", which cannot be read: " + e.getClass().getSimpleName());
                }
            }
            default:
                throw problem(key, "refers to AWS Secrets Manager, which only the Lambda reads; use env: or file: with the CLI");
        }
    }

    private static InvalidConfigException problem(String key, String message) {
        return new InvalidConfigException(List.of(new ConfigProblem(key, message)));
    }
}
