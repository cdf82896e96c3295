package dev.prebreak.core.config;

/** One thing wrong with a configuration: the key (as written in YAML) and what is wrong with it. */
public record ConfigProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
