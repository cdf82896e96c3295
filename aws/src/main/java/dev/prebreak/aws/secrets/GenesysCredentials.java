package dev.prebreak.aws.secrets;

import java.util.Objects;

/** The OAuth client prebreak logs in with, as read from the JSON secret. Never printed. */
public record GenesysCredentials(String clientId, String clientSecret) {
    public GenesysCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "GenesysCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
