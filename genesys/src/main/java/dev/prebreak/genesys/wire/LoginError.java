package dev.prebreak.genesys.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The login service's OAuth error body, e.g. {@code {"error":"invalid_client","description":"..."}}. */
public record LoginError(String error, String description,
                         @JsonProperty("error_description") String errorDescription) {
}
