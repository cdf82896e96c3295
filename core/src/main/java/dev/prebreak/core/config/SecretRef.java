package dev.prebreak.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a secret lives, never the secret itself: {@code env:NAME}, {@code file:PATH} or
 * {@code secretsmanager:NAME}. Configuration files and logs only ever hold this reference.
 */
public record SecretRef(Source source, String name) {
    public enum Source { ENV, FILE, SECRETSMANAGER }

    public SecretRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a reference. The message of the exception never repeats the text, which may be a
     * secret pasted by mistake.
     */
    public static SecretRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            String scheme = text.substring(0, colon).trim().toUpperCase(Locale.ROOT);
            for (Source s : Source.values()) {
                if (s.name().equals(scheme)) {
                    return new SecretRef(s, text.substring(colon + 1).trim());
                }
            }
        }
        throw new IllegalArgumentException("must be a reference such as env:GENESYS_CLIENT_SECRET, file:/run/secrets/genesys"
                + " or secretsmanager:prebreak/genesys, never the secret itself (value not shown)");
    }

    @Override
    public String toString() {
        return source.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
