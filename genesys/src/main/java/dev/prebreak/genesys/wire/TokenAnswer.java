package dev.prebreak.genesys.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The login service's answer to a client-credentials grant. */
public record TokenAnswer(@JsonProperty("access_token") String accessToken,
                          @JsonProperty("token_type") String tokenType,
                          @JsonProperty("expires_in") Long expiresIn) {
}
