package dev.prebreak.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Where prebreak remembers what it did: memory (one process), a file (the daemon) or DynamoDB (Lambda). */
public record StateSettings(Store store, Path file, String table) {
    public enum Store {
        MEMORY, FILE, DYNAMODB;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Path DEFAULT_FILE = Path.of("prebreak-state.json");
    public static final String DEFAULT_TABLE = "prebreak-state";

    public StateSettings {
        Objects.requireNonNull(store, "store");
        file = Objects.requireNonNullElse(file, DEFAULT_FILE);
        table = Objects.requireNonNullElse(table, DEFAULT_TABLE);
    }
}
