package dev.prebreak.genesys.http;

import java.util.regex.Pattern;

/**
 * The route template of a request path, for counting calls by endpoint: every segment that is not a
 * plain lowercase word or API version (an id, a token, a signed download's key) reads {@code {id}}, and the query is
 * dropped. The words come from this client's own code, so the templates are few whatever the org holds.
 */
final class Endpoints {
    private static final Pattern WORD = Pattern.compile("[a-z]{1,40}|v[0-9]{1,2}");
    /** Paths longer than this are not Platform API routes (a storage download, say): one template for them all. */
    private static final int MAX_SEGMENTS = 10;

    private Endpoints() {
    }

    static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int query = path.indexOf('?');
        String bare = query >= 0 ? path.substring(0, query) : path;
        String[] segments = bare.split("/", -1);
        if (segments.length > MAX_SEGMENTS + 1) {
            return "/{other}";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
