package dev.prebreak.cli.serve;

import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.SecretRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The access token the status server asks for when it listens beyond loopback (agent names are personal
 * data). A client sends it as {@code Authorization: Bearer TOKEN} (Prometheus' {@code authorization}
 * setting, curl), or as the password of HTTP Basic with any user name, which is what a browser asks a
 * person for after a 401. Compared in constant time; never logged, never shown.
 */
final class StatusToken {
    static final String OPTION = "--status-token";
    /** Shorter tokens can be guessed over the network by anyone patient. */
    static final int MIN_LENGTH = 16;
    private static final String WHERE = "must be a reference such as env:STATUS_TOKEN or file:/etc/prebreak/status-token,"
            + " never the token itself (value not shown)";

    private final byte[] token;

    private StatusToken(byte[] token) {
        this.token = token;
    }

    /** Reads the token a reference ({@code env:NAME} or {@code file:PATH}) points to. */
    static StatusToken read(String reference, Map<String, String> environment) {
        SecretRef ref;
        try {
            ref = SecretRef.parse(reference);
        } catch (IllegalArgumentException e) {
            throw problem(WHERE);
        }
        String value;
        switch (ref.source()) {
            case ENV:
                value = environment.get(ref.name());
                if (value == null || value.isBlank()) {
                    throw problem("refers to environment variable " + ref.name() + ", which is not set");
                }
                break;
            case FILE:
                try {
                    value = Files.readString(Path.of(ref.name()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw problem("refers to file " + ref.name() + ", which cannot be read: " + e.getClass().getSimpleName());
                }
                break;
            default:
                throw problem(WHERE);
        }
        value = value.strip();
        if (value.length() < MIN_LENGTH) {
            throw problem("the token it refers to is shorter than " + MIN_LENGTH + " characters (value not shown)");
        }
        return new StatusToken(value.getBytes(StandardCharsets.UTF_8));
    }

    static StatusToken of(String token) {
        return new StatusToken(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries the token, as a bearer token or as a Basic password. */
    boolean admits(PlainHttpServer.Request request) {
        String authorization = request.header("Authorization").orElse("").strip();
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = authorization.substring(space + 1).strip();
        byte[] offered;
        if (scheme.equals("bearer")) {
            offered = credentials.getBytes(StandardCharsets.UTF_8);
        } else if (scheme.equals("basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            offered = decoded.substring(decoded.indexOf(':') + 1).getBytes(StandardCharsets.UTF_8);
        } else {
            return false;
        }
        return MessageDigest.isEqual(token, offered);
    }

    private static InvalidConfigException problem(String message) {
        return new InvalidConfigException(List.of(new ConfigProblem(OPTION, message)));
    }

    @Override
    public String toString() {
        return "StatusToken[not shown]";
    }
}
