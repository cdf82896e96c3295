package dev.prebreak.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.prebreak.sim.org.UnknownEntityException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The request pipeline shared by every route: correlation id, routing, fault injection, bearer-token
 * check, per-token rate limit, the handler, the Genesys error body, and request accounting.
 */
public final class ApiServer implements HttpHandler {
    static final String UNMATCHED = "unmatched";

    private final List<Route> routes;
    private final Tokens tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RequestStats stats;
    private final OAuthClients clients;

    public ApiServer(List<Route> routes, Tokens tokens, OAuthClients clients, RateLimiter rateLimiter, Faults faults,
                     RequestStats stats) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.clients = clients;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String correlationId = UUID.randomUUID().toString();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            String[] segments = segments(rawPath);
            String method = exchange.getRequestMethod().toUpperCase();
            Route route = null;
            Map<String, String> params = null;
            for (Route r : routes) {
                if (r.method().equals(method)) {
                    params = r.match(segments);
                    if (params != null) {
                        route = r;
                        break;
                    }
                }
            }
            if (route == null) {
                Reply reply = error(ApiError.notFound("Resource not found: " + method + " " + rawPath), correlationId);
                stats.record(UNMATCHED, reply.status());
                send(exchange, reply, correlationId);
                return;
            }
            Request request = new Request(method, rawPath, params, query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body, route.endpoint(), correlationId);
            Faults.Decision fault = route.access() == Access.CONTROL ? Faults.Decision.NONE : faults.decide(route);
            if (fault.delayMillis() > 0) {
                sleep(fault.delayMillis());
            }
            if (fault.action() == FaultKind.DROP) {
                stats.record(route.endpoint(), 0);
                // Closing without sending headers makes the JDK server drop the connection.
                exchange.close();
                return;
            }
            if (fault.action() == FaultKind.REVOKE_TOKENS) {
                tokens.revokeAll();
            }
            Reply reply;
            if (fault.action() == FaultKind.RATE_LIMIT) {
                reply = tooManyRequests(fault.retryAfterSeconds(), fault.lowercaseRetryAfter(), correlationId);
            } else if (fault.action() == FaultKind.RATE_LIMIT_WITHOUT_RETRY_AFTER) {
                reply = error(new ApiError(429, "too.many.requests",
                        "Rate limit exceeded the maximum [300] requests within [60] seconds"), correlationId);
            } else if (fault.action() == FaultKind.REQUEST_TIMEOUT) {
                reply = error(new ApiError(504, "request.timeout", "The request timed out."), correlationId);
            } else if (fault.action() == FaultKind.CREDENTIALS_EXPIRED) {
                reply = error(new ApiError(401, "credentials.expired",
                        "The supplied credentials are expired and cannot be used."), correlationId);
            } else if (fault.action() == FaultKind.SERVER_ERROR) {
                reply = error(new ApiError(fault.status(), serverErrorCode(fault.status()),
                        "The server encountered an unexpected condition (simulated fault)."), correlationId);
            } else {
                reply = dispatch(route, request);
            }
            if (fault.action() == FaultKind.MALFORMED && reply.body().length > 1) {
                reply = reply.withBody(Arrays.copyOf(reply.body(), reply.body().length / 2));
            }
            if (route.access() != Access.CONTROL) {
                // Only traffic a Genesys client would send is accounted; the control API is test plumbing.
                // Counted before the answer goes out, so a client that has its answer sees it counted.
                stats.record(route.endpoint(), reply.status());
            }
            send(exchange, reply, correlationId);
        } catch (IOException e) {
            // The client went away mid-exchange; nothing to answer.
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(Route route, Request request) {
        String correlationId = request.correlationId();
        try {
            if (route.access() != Access.API) {
                return route.handler().handle(request);
            }
            String token = bearer(request);
            Tokens.Grant grant = token == null ? null : tokens.check(token).orElse(null);
            if (grant == null) {
                return error(ApiError.unauthorized(), correlationId);
            }
            request.authenticatedAs(grant.clientId());
            RateLimiter.Verdict verdict = rateLimiter.count(token);
            if (!verdict.allowed()) {
                return tooManyRequests(verdict.resetSeconds(), false, correlationId);
            }
            // The role is read on every call, so a permission taken away applies to tokens already issued.
            RequiredPermissions.of(route.endpoint()).check(clients.permissions(grant.clientId()));
            Reply reply = route.handler().handle(request);
            return withRateHeaders(reply, verdict);
        } catch (ApiError e) {
            return error(e, correlationId);
        } catch (UnknownEntityException e) {
            return error(ApiError.notFound(e.getMessage()), correlationId);
        } catch (IllegalArgumentException e) {
            return error(ApiError.badRequest(e.getMessage()), correlationId);
        } catch (RuntimeException e) {
            return error(new ApiError(500, "internal.server.error",
                    "The server encountered an unexpected condition: " + e), correlationId);
        }
    }

    private static Reply withRateHeaders(Reply reply, RateLimiter.Verdict verdict) {
        return reply.header("inin-ratelimit-allowed", String.valueOf(verdict.limit() > 0 ? verdict.limit() : 300))
                .header("inin-ratelimit-count", String.valueOf(verdict.count()))
                .header("inin-ratelimit-reset", String.valueOf(verdict.resetSeconds()));
    }

    static Reply error(ApiError e, String correlationId) {
        return Reply.json(e.status(), Wire.error(e.status(), e.code(), e.getMessage(), correlationId));
    }

    private static Reply tooManyRequests(long retryAfterSeconds, boolean lowercase, String correlationId) {
        ApiError e = new ApiError(429, "too.many.requests.retry.after",
                "Rate limit exceeded the maximum. Retry the request in [" + retryAfterSeconds + "] seconds");
        return error(e, correlationId).header(lowercase ? "retry-after" : "Retry-After",
                String.valueOf(retryAfterSeconds));
    }

    private static String serverErrorCode(int status) {
        return switch (status) {
            case 502 -> "bad.gateway";
            case 503 -> "service.unavailable";
            case 504 -> "request.timeout";
            default -> "internal.server.error";
        };
    }

    private static String bearer(Request request) {
        String header = request.header("Authorization").orElse("");
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    private static void send(HttpExchange exchange, Reply reply, String correlationId) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("ININ-Correlation-Id", correlationId);
        if (reply.contentType() != null) {
            headers.set("Content-Type", reply.contentType());
        }
        // The JDK server capitalizes the first letter of header names ("retry-after" goes out as
        // "Retry-after"), which still differs from "Retry-After": enough to catch case-sensitive clients.
        reply.headers().forEach(headers::set);
        byte[] body = reply.body();
        if (reply.status() == 204 || body.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String[] segments(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return parts;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
