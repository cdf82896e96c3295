package dev.prebreak.cli.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prebreak.cli.report.ReportJson;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UpcomingAction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /healthz} and {@code /status} for the daemon, on loopback by default. Healthy means the last
 * tick ran, did not fail, and is no older than three tick periods.
 */
public final class StatusServer implements TickListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Supplier<List<UpcomingAction>> upcoming;
    private final Clock clock;
    private final Duration tick;
    private final Instant startedAt;
    private volatile TickReport lastReport;
    private volatile Instant lastTickAt;
    private volatile String lastFailure;
    private volatile long ticks;
    private volatile long failedTicks;

    public StatusServer(String bind, int port, Engine engine, Clock clock, Duration tick) throws IOException {
        this(bind, port, engine::upcoming, clock, tick);
    }

    /** @param upcoming the pre-breaks due soon, for /status: {@link Engine#upcoming()} */
    StatusServer(String bind, int port, Supplier<List<UpcomingAction>> upcoming, Clock clock, Duration tick) throws IOException {
        this.upcoming = upcoming;
        this.clock = clock;
        this.tick = tick;
        this.startedAt = clock.instant();
        server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        server.createContext("/healthz", this::health);
        server.createContext("/status", this::status);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void ticked(TickReport report) {
        lastReport = report;
        lastTickAt = report.at();
        ticks++;
        if (report.failed()) {
            failedTicks++;
            lastFailure = String.join("; ", report.failures());
        } else {
            lastFailure = null;
        }
    }

    @Override
    public void failed(Instant at, RuntimeException error) {
        lastTickAt = at;
        ticks++;
        failedTicks++;
        lastFailure = error.getMessage();
    }

    private void health(HttpExchange exchange) throws IOException {
        Instant last = lastTickAt;
        String problem = null;
        if (last == null) {
            problem = "no tick has run yet";
        } else if (lastFailure != null) {
            problem = "last tick failed: " + lastFailure;
        } else if (Duration.between(last, clock.instant()).compareTo(tick.multipliedBy(3)) > 0) {
            problem = "last tick was at " + last + ", more than three periods ago";
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("status", problem == null ? "ok" : "unhealthy");
        if (problem != null) {
            body.put("reason", problem);
        }
        send(exchange, problem == null ? 200 : 503, body);
    }

    private void status(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("startedAt", startedAt.toString());
        body.put("now", clock.instant().toString());
        body.put("ticks", ticks);
        body.put("failedTicks", failedTicks);
        if (lastFailure != null) {
            body.put("lastFailure", lastFailure);
        }
        TickReport report = lastReport;
        if (report != null) {
            body.set("lastTick", ReportJson.of(report));
        }
        ArrayNode next = body.putArray("nextDueActions");
        for (UpcomingAction u : upcoming.get()) {
            ObjectNode o = next.addObject();
            o.put("businessUnitId", u.businessUnitId());
            o.put("userId", u.userId());
            o.put("rule", u.ruleName());
            o.put("triggerAt", u.triggerAt().toString());
            o.put("activityStart", u.activityStart().toString());
        }
        send(exchange, 200, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
