package dev.prebreak.core.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Genesys Cloud region: where the Platform API and the login service live. Named regions follow
 * the official SDK ({@code PureCloudRegionHosts} of SDK 262: 18 regions); a base URL reaches anything else (a simulator, a future region). Plain http is
 * allowed only on loopback, so that credentials never cross a network in the clear.
 */
public record Region(String name, URI apiBase, URI loginBase) {
    private static final Map<String, String> HOSTS = new LinkedHashMap<>();

    static {
        HOSTS.put("us_east_1", "api.mypurecloud.com");
        HOSTS.put("eu_west_1", "api.mypurecloud.ie");
        HOSTS.put("ap_southeast_2", "api.mypurecloud.com.au");
        HOSTS.put("ap_northeast_1", "api.mypurecloud.jp");
        HOSTS.put("eu_central_1", "api.mypurecloud.de");
        HOSTS.put("us_west_2", "api.usw2.pure.cloud");
        HOSTS.put("ca_central_1", "api.cac1.pure.cloud");
        HOSTS.put("ap_northeast_2", "api.apne2.pure.cloud");
        HOSTS.put("eu_west_2", "api.euw2.pure.cloud");
        HOSTS.put("ap_south_1", "api.aps1.pure.cloud");
        HOSTS.put("us_east_2", "api.use2.us-gov-pure.cloud");
        HOSTS.put("sa_east_1", "api.sae1.pure.cloud");
        HOSTS.put("me_central_1", "api.mec1.pure.cloud");
        HOSTS.put("ap_northeast_3", "api.apne3.pure.cloud");
        HOSTS.put("eu_central_2", "api.euc2.pure.cloud");
        // New in the SDK since 198 (262.0.0 has these 18).
        HOSTS.put("mx_central_1", "api.mxc1.pure.cloud");
        HOSTS.put("ap_southeast_1", "api.apse1.pure.cloud");
        HOSTS.put("eusc_de_east_1", "api.edee1.eusc-pure.cloud");
    }

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(loginBase, "loginBase");
    }

    /** The region names accepted, in the SDK's spelling ({@code us-east-1} is accepted too). */
    public static Iterable<String> names() {
        return HOSTS.keySet();
    }

    /**
     * Parses a region name ({@code us_east_1}, {@code us-east-1}) or a base URL
     * ({@code https://api.mypurecloud.de}, {@code http://127.0.0.1:8080}).
     *
     * @throws IllegalArgumentException with a message fit for a user, naming what is wrong
     */
    public static Region parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; give a region name such as us_east_1 or a base URL");
        }
        String trimmed = text.trim();
        String key = trimmed.toLowerCase(Locale.ROOT).replace('-', '_');
        String host = HOSTS.get(key);
        if (host != null) {
            return new Region(key, URI.create("https://" + host), URI.create("https://" + host.replaceFirst("^api\\.", "login.")));
        }
        if (!trimmed.contains("://")) {
            throw new IllegalArgumentException("unknown region '" + trimmed + "'; use one of " + String.join(", ", HOSTS.keySet())
                    + " or a base URL such as https://api.mypurecloud.com");
        }
        return fromBaseUrl(trimmed);
    }

    private static Region fromBaseUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a valid URL: " + text);
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("is not an http(s) URL with a host: " + text);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
            throw new IllegalArgumentException("must be a base URL without a path, got " + text);
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException("must use https unless the host is loopback (127.0.0.1, localhost, ::1), got " + text);
        }
        URI login = host.startsWith("api.")
                ? URI.create(scheme + "://login." + host.substring(4) + (uri.getPort() > 0 ? ":" + uri.getPort() : ""))
                : uri;
        return new Region(uri.toString(), uri, login);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** The token endpoint of this region's login service. */
    public URI tokenUri() {
        return URI.create(loginBase + "/oauth/token");
    }

    @Override
    public String toString() {
        return name;
    }
}
