package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /oauth/token}: the client-credentials grant, as the {@code login.} host answers it. */
final class AuthResource {
    private final ApiSettings settings;
    private final OAuthClients clients;
    private final Tokens tokens;

    AuthResource(ApiSettings settings, OAuthClients clients, Tokens tokens) {
        this.settings = settings;
        this.clients = clients;
        this.tokens = tokens;
    }

    List<Route> routes() {
        return List.of(new Route("POST", "/oauth/token", "postOauthToken", Access.LOGIN, this::token));
    }

    private Reply token(Request request) {
        Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
        String grantType = form.get("grant_type");
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "grant type not supported");
        }
        String[] credentials = basic(request.header("Authorization").orElse(""));
        if (credentials == null && form.containsKey("client_id")) {
            credentials = new String[] {form.get("client_id"), form.getOrDefault("client_secret", "")};
        }
        OAuthClient client = credentials == null ? null : clients.find(credentials[0]).orElse(null);
        if (client == null || !constantTimeEquals(client.secret(), credentials[1])) {
            return oauthError(401, "invalid_client", "authentication failed");
        }
        String token = tokens.issue(credentials[0], settings.tokenLifetime());
        ObjectNode body = Wire.object();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", settings.tokenLifetime().getSeconds());
        return Reply.json(body);
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode body = Wire.object();
        body.put("error", error);
        body.put("description", description);
        body.put("error_description", description);
        return Reply.json(status, body);
    }

    private static String[] basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
