package dev.prebreak.genesys.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An OAuth client's id and secret. The secret is asked for only when logging in (so it can come
 * from a secrets manager) and never appears in {@link #toString()}, a log line or an exception.
 */
public final class ClientCredentials {
    private final String clientId;
    private final Supplier<char[]> secret;

    public ClientCredentials(String clientId, Supplier<char[]> secret) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id is empty");
        }
        this.clientId = clientId.trim();
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    public String clientId() {
        return clientId;
    }

    /** The client id cut short, enough to recognise it in a message. */
    public String shortClientId() {
        return clientId.length() <= 8 ? clientId : clientId.substring(0, 8) + "…";
    }

    /** The {@code Authorization: Basic} value for the token request. */
    String basicAuthorization() {
        char[] secretChars = secret.get();
        if (secretChars == null || secretChars.length == 0) {
            throw new IllegalStateException("the client secret for client id '" + shortClientId() + "' is empty");
        }
        char[] pair = new char[clientId.length() + 1 + secretChars.length];
        clientId.getChars(0, clientId.length(), pair, 0);
        pair[clientId.length()] = ':';
        System.arraycopy(secretChars, 0, pair, clientId.length() + 1, secretChars.length);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pair));
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(pair, '\0');
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", secret=***]";
    }
}
