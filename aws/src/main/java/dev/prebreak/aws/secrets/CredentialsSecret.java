package dev.prebreak.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * The Genesys OAuth client kept in Secrets Manager as {@code {"clientId": "...", "clientSecret": "..."}}.
 *
 * <p>Read on first use, not at init (a SnapStart snapshot must not hold it), then cached for the life
 * of the container up to {@code maxAge}, so that a warm invocation costs no Secrets Manager call.
 * {@link #reread()} fetches it again at once, for when Genesys refuses the login: the secret may have
 * been rotated since it was cached.
 */
public final class CredentialsSecret {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Clock clock;
    private final Duration maxAge;
    private GenesysCredentials cached;
    private Instant readAt;

    public CredentialsSecret(SecretsManagerClient secrets, String secretId, Clock clock, Duration maxAge) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** The cached credentials, read first if there are none yet or they are older than the maximum age. */
    public synchronized GenesysCredentials current() {
        if (cached == null || !clock.instant().isBefore(readAt.plus(maxAge))) {
            cached = read();
            readAt = clock.instant();
        }
        return cached;
    }

    /** Reads the secret again now; true when it differs from what was cached (it was rotated). */
    public synchronized boolean reread() {
        GenesysCredentials before = cached;
        cached = read();
        readAt = clock.instant();
        return !cached.equals(before);
    }

    private GenesysCredentials read() {
        String text;
        try {
            text = secrets.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build()).secretString();
        } catch (SdkException e) {
            throw new SecretUnavailableException("cannot read secret " + secretId + " from Secrets Manager: " + e.getMessage(), e);
        }
        if (text == null) {
            throw new SecretUnavailableException("secret " + secretId + " has no string value; store it as JSON with clientId and clientSecret");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            // Jackson's message would quote the secret text: leave it out.
            throw new SecretUnavailableException("secret " + secretId + " is not JSON; store it as {\"clientId\": ..., \"clientSecret\": ...}");
        }
        String clientId = field(root, "clientId");
        String clientSecret = field(root, "clientSecret");
        if (clientId == null || clientSecret == null) {
            throw new SecretUnavailableException("secret " + secretId + " must hold non-empty clientId and clientSecret"
                    + (clientId == null ? " (clientId is missing)" : "") + (clientSecret == null ? " (clientSecret is missing)" : ""));
        }
        return new GenesysCredentials(clientId, clientSecret);
    }

    private static String field(JsonNode root, String name) {
        JsonNode node = root == null ? null : root.get(name);
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText().trim();
    }

    @Override
    public String toString() {
        return "CredentialsSecret[" + secretId + "]";
    }
}
