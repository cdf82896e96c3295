package dev.prebreak.genesys;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.auth.AccessToken;
import dev.prebreak.genesys.auth.TokenSource;
import dev.prebreak.genesys.http.Answer;
import dev.prebreak.genesys.http.Failures;
import dev.prebreak.genesys.http.Outgoing;
import dev.prebreak.genesys.http.Transport;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * Authorized JSON calls to the Platform API: adds the bearer token, fetches a new one and retries
 * once when the API answers 401, turns error answers and malformed bodies into
 * {@link GatewayException}s that name the call.
 */
final class PlatformApi {
    private static final System.Logger LOG = System.getLogger(PlatformApi.class.getName());

    private final Transport transport;
    private final TokenSource tokens;
    private final URI base;

    PlatformApi(Transport transport, TokenSource tokens, URI base) {
        this.transport = transport;
        this.tokens = tokens;
        this.base = base;
    }

    /** GETs {@code pathAndQuery} and reads the body with {@code reader} (parse and map to core types). */
    <R> R get(String pathAndQuery, Instant deadline, Function<byte[], R> reader) {
        return read("GET " + withoutQuery(pathAndQuery), call("GET", pathAndQuery, null, true, deadline), reader);
    }

    /** Sends {@code body} as JSON to a call that only reads (a search), and reads the answer with {@code reader}. */
    <R> R send(String method, String pathAndQuery, Object body, Instant deadline, Function<byte[], R> reader) {
        return read(method + " " + withoutQuery(pathAndQuery), call(method, pathAndQuery, Wire.write(body), true, deadline),
                reader);
    }

    /**
     * Sends {@code body} as JSON to a call that changes state. It is not sent again after a failure that
     * leaves open whether it took effect: the caller finds out from Genesys first.
     */
    <R> R change(String method, String pathAndQuery, Object body, Instant deadline, Function<byte[], R> reader) {
        return read(method + " " + withoutQuery(pathAndQuery), call(method, pathAndQuery, Wire.write(body), false, deadline),
                reader);
    }

    /**
     * GETs a pre-signed storage URL. It carries its own signature, so it gets no Authorization header
     * (storage would reject or, worse, log our token) and does not count against the API budget.
     */
    <R> R download(String what, String url, Instant deadline, Function<byte[], R> reader) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(what + ": the downloadUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new GatewayException(what + ": refusing a downloadUrl that is not https");
        }
        // The query of a pre-signed URL is its signature: keep it out of messages.
        String call = "GET " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + " (" + what + " download)";
        Answer answer = transport.exchange(new Outgoing(call, "GET", uri, null, null, null, false, true), deadline);
        if (!answer.ok()) {
            throw Failures.of(call, answer);
        }
        return read(call, answer, reader);
    }

    private Answer call(String method, String pathAndQuery, byte[] body, boolean replaySafe, Instant deadline) {
        String call = method + " " + withoutQuery(pathAndQuery);
        URI uri = URI.create(base + pathAndQuery);
        AccessToken token = tokens.current(deadline);
        Answer answer = transport.exchange(new Outgoing(call, method, uri, body, "application/json",
                token.authorization(), true, replaySafe), deadline);
        if (answer.status() == 401) {
            LOG.log(System.Logger.Level.INFO, () -> call + " answered 401 (correlation id " + answer.correlationId()
                    + "): logging in again and retrying once");
            tokens.invalidate(token);
            AccessToken fresh = tokens.current(deadline);
            // A 401 means the request was refused, not applied: sending it again is safe even for a write.
            Answer again = transport.exchange(new Outgoing(call, method, uri, body, "application/json",
                    fresh.authorization(), true, replaySafe), deadline);
            if (!again.ok()) {
                throw Failures.of(call, again, again.status() == 401 ? " even with a fresh token" : "");
            }
            return again;
        }
        if (!answer.ok()) {
            throw Failures.of(call, answer);
        }
        return answer;
    }

    private static <R> R read(String call, Answer answer, Function<byte[], R> reader) {
        try {
            return reader.apply(answer.body());
        } catch (WireException e) {
            throw malformed(call, answer, e);
        }
    }

    static GatewayException malformed(String call, Answer answer, WireException e) {
        return new GatewayException(call + " gave a malformed answer: " + e.getMessage() + " (correlation id "
                + answer.correlationId() + ")", e);
    }

    /** An id made safe for a path segment or a query value. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withoutQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
