package dev.prebreak.genesys.auth;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.http.Answer;
import dev.prebreak.genesys.http.Failures;
import dev.prebreak.genesys.http.Outgoing;
import dev.prebreak.genesys.http.Transport;
import dev.prebreak.genesys.wire.ErrorBody;
import dev.prebreak.genesys.wire.LoginError;
import dev.prebreak.genesys.wire.TokenAnswer;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One client-credentials token, shared by every call and kept across ticks. Genesys never refreshes
 * such a token, so it is fetched again a margin before {@code expires_in} runs out (a tenth of its
 * life, at most five minutes), and whenever a call reports it dead with a 401.
 */
public final class TokenSource {
    private static final System.Logger LOG = System.getLogger(TokenSource.class.getName());
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);
    private static final byte[] GRANT = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);

    private final Transport transport;
    private final URI tokenUri;
    private final ClientCredentials credentials;
    private AccessToken token;

    public TokenSource(Transport transport, URI tokenUri, ClientCredentials credentials) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** A token good for now, fetched if there is none or it is due for renewal. */
    public synchronized AccessToken current(Instant deadline) {
        if (token == null || !transport.clock().instant().isBefore(token.renewAt())) {
            token = fetch(deadline);
        }
        return token;
    }

    /** A token fetched now, whatever is held: a login that must be proved, not remembered. */
    public synchronized AccessToken renew(Instant deadline) {
        token = fetch(deadline);
        return token;
    }

    /** Drops {@code stale} after the API refused it, unless another call already replaced it. */
    public synchronized void invalidate(AccessToken stale) {
        if (token == stale) {
            token = null;
        }
    }

    private AccessToken fetch(Instant deadline) {
        String call = "POST " + tokenUri + " (client-credentials login)";
        String authorization;
        try {
            authorization = credentials.basicAuthorization();
        } catch (IllegalStateException e) {
            throw new GatewayException(e.getMessage() + ": check the genesys client secret setting");
        }
        Outgoing out = new Outgoing(call, "POST", tokenUri, GRANT, "application/x-www-form-urlencoded", authorization,
                false, true);
        Answer answer = transport.exchange(out, deadline);
        int status = answer.status();
        if (status == 400 || status == 401 || status == 403) {
            throw refused(answer);
        }
        if (!answer.ok()) {
            throw Failures.of(call, answer);
        }
        TokenAnswer parsed;
        try {
            parsed = Wire.read(answer.body(), TokenAnswer.class);
            WireException.required(parsed.accessToken(), "access_token");
            WireException.required(parsed.expiresIn(), "expires_in");
        } catch (WireException e) {
            throw new GatewayException(call + " answered something that is not a token: " + e.getMessage()
                    + " (correlation id " + answer.correlationId() + ")");
        }
        Instant now = transport.clock().instant();
        Duration life = Duration.ofSeconds(Math.max(0, parsed.expiresIn()));
        Duration margin = life.dividedBy(10);
        if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        AccessToken fresh = new AccessToken(parsed.accessToken(), now.plus(life), now.plus(life).minus(margin), life);
        LOG.log(System.Logger.Level.DEBUG, () -> "logged in as client " + credentials.shortClientId()
                + "; token valid until " + fresh.expiresAt());
        return fresh;
    }

    private GatewayException refused(Answer answer) {
        String code = errorCode(answer);
        return new GatewayException("Genesys login refused the client credentials for client id '"
                + credentials.shortClientId() + "' (" + answer.status() + (code == null ? "" : " " + code)
                + "): check genesys.clientId / the secret, and that the OAuth client uses the Client Credentials grant"
                + " (correlation id " + answer.correlationId() + ")");
    }

    /** The OAuth error code ({@code invalid_client}) or the Platform API error code, whichever the body has. */
    private static String errorCode(Answer answer) {
        try {
            LoginError login = Wire.read(answer.body(), LoginError.class);
            if (login.error() != null) {
                return login.error();
            }
            return Wire.read(answer.body(), ErrorBody.class).code();
        } catch (WireException e) {
            return null;
        }
    }
}
