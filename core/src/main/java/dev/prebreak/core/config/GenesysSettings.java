package dev.prebreak.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Genesys Cloud. Either a client id with a secret reference, or one reference to a
 * JSON secret holding both ({@code {"clientId": "...", "clientSecret": "..."}}), as on AWS.
 */
public record GenesysSettings(Region region, Optional<String> clientId, Optional<SecretRef> clientSecret,
                              Optional<SecretRef> credentials) {
    public GenesysSettings {
        Objects.requireNonNull(region, "region");
        clientId = Objects.requireNonNullElse(clientId, Optional.empty());
        clientSecret = Objects.requireNonNullElse(clientSecret, Optional.empty());
        credentials = Objects.requireNonNullElse(credentials, Optional.empty());
    }
}
