package dev.prebreak.sim.http;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Large results parked behind opaque URLs that behave like pre-signed storage URLs: no token needed, an
 * Authorization header is refused (S3 allows only one auth mechanism), and they expire.
 */
public final class Downloads {
    private record Entry(byte[] body, Instant expires) {
    }

    private static final String S3_TWO_AUTHS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InvalidArgument</Code>"
            + "<Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
            + "string parameter or the Authorization header should be specified</Message>"
            + "<ArgumentName>Authorization</ArgumentName></Error>";
    private static final String S3_EXPIRED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
            + "<Message>Request has expired</Message></Error>";

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Supplier<URI> baseUrl;
    private final Duration lifetime;

    public Downloads(Clock clock, Supplier<URI> baseUrl, Duration lifetime) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.lifetime = lifetime;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/_download/{key}", "download", Access.PRESIGNED, this::serve));
    }

    /** Parks a body and returns the URL that serves it. */
    String park(byte[] body) {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !now.isBefore(e.expires()));
        byte[] key = new byte[24];
        random.nextBytes(key);
        String id = HexFormat.of().formatHex(key);
        entries.put(id, new Entry(body, now.plus(lifetime)));
        String base = baseUrl.get().toString();
        // Query parameters dress it up like a pre-signed URL; only the path matters.
        return base + "/_download/" + id + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=" + lifetime.getSeconds()
                + "&X-Amz-Signature=" + id.substring(0, 16);
    }

    private Reply serve(Request request) {
        if (request.header("Authorization").isPresent()) {
            return Reply.text(400, "application/xml", S3_TWO_AUTHS);
        }
        Entry entry = entries.get(request.param("key"));
        if (entry == null) {
            return Reply.text(404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(request.param("key"));
            return Reply.text(403, "application/xml", S3_EXPIRED);
        }
        return new Reply(200, "application/json", entry.body(), new java.util.LinkedHashMap<>());
    }
}
