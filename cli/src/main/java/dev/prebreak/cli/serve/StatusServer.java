package dev.prebreak.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.cli.report.ReportJson;
import dev.prebreak.cli.serve.PlainHttpServer.Request;
import dev.prebreak.cli.serve.PlainHttpServer.Response;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UpcomingAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /healthz} and {@code GET /status} for the daemon, on loopback by default; any other path is
 * 404 and any other method 405, with a JSON body saying so. Healthy means a tick has run, the last one
 * did not fail, and it is no older than three tick periods by the monotonic clock (a wall clock stepped
 * back must not make a stalled daemon look fresh).
 */
public final class StatusServer implements TickListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for a probe, a person and a scraper at once; a half-sent request holds only one. */
    static final int THREADS = 4;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final int STALL_PERIODS = 3;

    /** The last tick heard of, stamped by the monotonic clock when it was heard. */
    private record LastTick(Instant at, long heardAtNanos, TickReport report, String error) {
    }

    private final PlainHttpServer server;
    private final Supplier<List<UpcomingAction>> upcoming;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final Duration tick;
    private final Instant startedAt;
    private final long startedAtNanos;
    private volatile LastTick last;
    private volatile long ticks;
    private volatile long failedTicks;

    /** Production: a stall is judged by {@code monotonic}. */
    public StatusServer(String bind, int port, Engine engine, Clock clock, MonotonicClock monotonic, Duration tick) throws IOException {
        this(bind, port, engine::upcoming, clock, monotonic::nanoTime, tick, READ_TIMEOUT);
    }

    /** Virtual time (tests on the simulator's clock): {@code clock} is the only clock. */
    public StatusServer(String bind, int port, Engine engine, Clock clock, Duration tick) throws IOException {
        this(bind, port, engine::upcoming, clock, tick);
    }

    StatusServer(String bind, int port, Supplier<List<UpcomingAction>> upcoming, Clock clock, Duration tick) throws IOException {
        this(bind, port, upcoming, clock, () -> MonotonicClock.epochNanos(clock.instant()), tick, READ_TIMEOUT);
    }

    /**
     * @param upcoming the pre-breaks due soon, for /status: {@link Engine#upcoming()}
     * @param monotonicNanos the monotonic clock, by which the age of the last tick is measured
     * @param readTimeout how long a client may take to send its request
     */
    StatusServer(String bind, int port, Supplier<List<UpcomingAction>> upcoming, Clock clock, LongSupplier monotonicNanos,
                 Duration tick, Duration readTimeout) throws IOException {
        this.upcoming = upcoming;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.tick = tick;
        this.startedAt = clock.instant();
        this.startedAtNanos = monotonicNanos.getAsLong();
        this.server = new PlainHttpServer(bind, port, THREADS, readTimeout, this::route, StatusServer::errorBody);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void ticked(TickReport report) {
        last = new LastTick(report.at(), monotonicNanos.getAsLong(), report, null);
        ticks++;
        if (report.failed()) {
            failedTicks++;
        }
    }

    @Override
    public void failed(Instant at, RuntimeException error) {
        last = new LastTick(at, monotonicNanos.getAsLong(), null, error.getMessage());
        ticks++;
        failedTicks++;
    }

    private Response route(Request request) {
        String path = request.path();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query); // a probe's cache-buster must not make the route unknown
        }
        Supplier<Response> page = path.equals("/healthz") ? this::health : path.equals("/status") ? this::status : null;
        if (page == null) {
            return new Response(404, errorBody("no such path: " + PlainHttpServer.shorten(path)
                    + "; this server answers GET /healthz and GET /status"), Map.of());
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new Response(405, errorBody("method " + PlainHttpServer.shorten(request.method()) + " is not allowed on "
                    + path + "; use GET or HEAD"), Map.of("Allow", "GET, HEAD"));
        }
        return page.get();
    }

    private Response health() {
        LastTick lastTick = last;
        List<String> problems = problems(lastTick);
        ObjectNode body = JSON.createObjectNode();
        body.put("status", problems.isEmpty() ? "ok" : "unhealthy");
        if (!problems.isEmpty()) {
            body.put("reason", String.join("; ", problems));
            ArrayNode reasons = body.putArray("reasons");
            problems.forEach(reasons::add);
        }
        if (lastTick != null) {
            body.put("lastTickAt", lastTick.at().toString());
            body.put("lastTickSecondsAgo", secondsSince(lastTick.heardAtNanos()));
        }
        return json(problems.isEmpty() ? 200 : 503, body);
    }

    /** Every reason the daemon is not healthy; empty when it is. */
    private List<String> problems(LastTick lastTick) {
        List<String> problems = new ArrayList<>();
        if (lastTick == null) {
            problems.add("no tick has run yet (started " + secondsSince(startedAtNanos) + " s ago)");
            return problems;
        }
        long age = monotonicNanos.getAsLong() - lastTick.heardAtNanos();
        if (age > tick.multipliedBy(STALL_PERIODS).toNanos()) {
            problems.add("no tick for " + secondsSince(lastTick.heardAtNanos()) + " s (more than " + STALL_PERIODS
                    + " periods of " + tick.toSeconds() + " s)");
        }
        String failure = failure(lastTick);
        if (failure != null) {
            problems.add("last tick failed: " + failure);
        }
        return problems;
    }

    /**
     * What the last tick itself reported as wrong, or null. A tick that could not run at all, and every
     * failure in its report (report.failed()/failures()), turn /healthz red until a tick succeeds; a check
     * the engine adds to its report (a clock that differs from Genesys', say) belongs here too.
     */
    private static String failure(LastTick lastTick) {
        if (lastTick.error() != null) {
            return lastTick.error();
        }
        return lastTick.report().failed() ? String.join("; ", lastTick.report().failures()) : null;
    }

    private Response status() {
        ObjectNode body = JSON.createObjectNode();
        body.put("startedAt", startedAt.toString());
        body.put("now", clock.instant().toString());
        body.put("ticks", ticks);
        body.put("failedTicks", failedTicks);
        LastTick lastTick = last;
        if (lastTick != null) {
            body.put("lastTickSecondsAgo", secondsSince(lastTick.heardAtNanos()));
            String failure = failure(lastTick);
            if (failure != null) {
                body.put("lastFailure", failure);
            }
            if (lastTick.report() != null) {
                body.set("lastTick", ReportJson.of(lastTick.report()));
            }
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
        return json(200, body);
    }

    private long secondsSince(long nanos) {
        return Duration.ofNanos(monotonicNanos.getAsLong() - nanos).toSeconds();
    }

    private static Response json(int status, ObjectNode body) {
        try {
            return new Response(status, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] errorBody(String message) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.createObjectNode().put("error", message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
