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
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.RuleSettings;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.GenesysGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
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
 * The daemon's own small web server, on loopback by default: {@code GET /} the status page for people,
 * {@code GET /healthz} for probes, {@code GET /status} as JSON, {@code GET /metrics} for Prometheus; any
 * other path is 404 and any other method 405, with a JSON body saying so. Healthy means a tick has run,
 * the last one did not fail, and it is no older than three tick periods by the monotonic clock (a wall
 * clock stepped back must not make a stalled daemon look fresh).
 *
 * <p>The page and /status carry agent names, which are personal data: bound anywhere but loopback, the
 * server requires an access token ({@link StatusToken}) on every route, and answers 401 without it.
 */
public final class StatusServer implements TickListener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for a probe, a person and a scraper at once; a half-sent request holds only one. */
    static final int THREADS = 4;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final int STALL_PERIODS = 3;
    /** How often the page fetches itself again. */
    static final Duration PAGE_REFRESH = Duration.ofSeconds(10);
    /** The Genesys client's pacing budget, which serve keeps at the client's default. */
    static final int BUDGET_PER_MINUTE = 300;
    /** How long the look at upcoming agents after a tick may call Genesys. */
    private static final Duration LOOK_TIME = Duration.ofSeconds(10);
    private static final SecureRandom NONCES = new SecureRandom();

    /**
     * What the server may use beyond the engine's upcoming list, each optional.
     *
     * @param gateway the Genesys client, for the traffic counts and the look at upcoming agents (null: none)
     * @param rules the configured rules, for who is eligible under each
     * @param token required on every request when present
     * @param pageRefresh how often the page fetches itself again
     */
    public record Options(GenesysGateway gateway, List<RuleSettings> rules, Optional<StatusToken> token, Duration pageRefresh) {
        public Options {
            rules = List.copyOf(rules);
            token = Objects.requireNonNullElse(token, Optional.empty());
        }

        static Options none() {
            return new Options(null, List.of(), Optional.empty(), PAGE_REFRESH);
        }
    }

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
    private final Options options;
    private final Lookahead lookahead;
    private final DayLedger ledger = new DayLedger();
    private final RateWindow rate = new RateWindow();
    private final DaemonMetrics metrics;
    private volatile ClockStep lastClockStep;
    private volatile LastTick last;
    private volatile long ticks;
    private volatile long failedTicks;
    private volatile List<Lookahead.Row> looked;

    /** Production: a stall is judged by {@code monotonic}. */
    public StatusServer(String bind, int port, Engine engine, Clock clock, MonotonicClock monotonic, Duration tick) throws IOException {
        this(bind, port, engine::upcoming, clock, monotonic::nanoTime, tick, READ_TIMEOUT);
    }

    /** Production with everything: the page, its look at upcoming agents, the API metrics and the token. */
    public StatusServer(String bind, int port, Engine engine, Clock clock, MonotonicClock monotonic, Duration tick,
                        Options options) throws IOException {
        this(bind, port, engine::upcoming, clock, monotonic::nanoTime, tick, READ_TIMEOUT, options);
    }

    /** Virtual time with everything (tests, on the simulator's clock). */
    public StatusServer(String bind, int port, Engine engine, Clock clock, Duration tick, Options options) throws IOException {
        this(bind, port, engine::upcoming, clock, () -> MonotonicClock.epochNanos(clock.instant()), tick, READ_TIMEOUT, options);
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
        this(bind, port, upcoming, clock, monotonicNanos, tick, readTimeout, Options.none());
    }

    /**
     * @throws InvalidConfigException when {@code bind} is not a loopback address and no token is given
     */
    StatusServer(String bind, int port, Supplier<List<UpcomingAction>> upcoming, Clock clock, LongSupplier monotonicNanos,
                 Duration tick, Duration readTimeout, Options options) throws IOException {
        requireTokenBeyondLoopback(bind, options.token());
        this.options = options;
        this.lookahead = options.gateway() == null ? null : new Lookahead(options.gateway(), options.rules());
        this.metrics = new DaemonMetrics(this::usage, monotonicNanos, ledger::size);
        this.upcoming = upcoming;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.tick = tick;
        this.startedAt = clock.instant();
        this.startedAtNanos = monotonicNanos.getAsLong();
        this.server = new PlainHttpServer(bind, port, THREADS, readTimeout, this::route, StatusServer::errorBody);
    }

    /** Agent names are personal data: beyond loopback, only with an access token. */
    static void requireTokenBeyondLoopback(String bind, Optional<StatusToken> token) throws IOException {
        if (token.isEmpty() && !InetAddress.getByName(bind).isLoopbackAddress()) {
            throw new InvalidConfigException(List.of(new ConfigProblem("--status-bind", bind + " is not a loopback address,"
                    + " and the status page shows agents' names: give " + StatusToken.OPTION
                    + " env:NAME or file:PATH, an access token every request must carry")));
        }
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
        ledger.add(report);
        metrics.ticked(report);
        List<UpcomingAction> due = upcoming.get();
        metrics.upcoming(due.size());
        if (lookahead != null) {
            // After the tick, on the daemon's thread: the page never makes an API call of its own. It gives up
            // at the next tick's boundary, which it must never delay.
            Instant boundary = Daemon.boundaryAfter(report.at(), tick);
            Instant deadline = clock.instant().plus(LOOK_TIME);
            looked = lookahead.look(due, deadline.isBefore(boundary) ? deadline : boundary);
        }
        rate.lastMinute(monotonicNanos.getAsLong(), usage().calls());
    }

    /** The latest step of the wall clock the daemon noticed, shown by /status until the daemon stops. */
    @Override
    public void clockStepped(ClockStep step) {
        lastClockStep = step;
    }

    @Override
    public void failed(Instant at, RuntimeException error) {
        last = new LastTick(at, monotonicNanos.getAsLong(), null, error.getMessage());
        ticks++;
        failedTicks++;
        metrics.failed(at, error);
    }

    private ApiUsage usage() {
        return options.gateway() == null ? ApiUsage.NONE : options.gateway().usage();
    }

    private Response route(Request request) {
        if (options.token().isPresent() && !options.token().get().admits(request)) {
            // Before the route is judged: without the token, nothing about the server is told.
            return new Response(401, errorBody("this server needs its access token: Authorization: Bearer TOKEN,"
                    + " or the token as the password of HTTP Basic"), Map.of("WWW-Authenticate", "Basic realm=\"prebreak\", charset=\"UTF-8\""));
        }
        String path = request.path(); // without the query: a probe's cache-buster must not make the route unknown
        Function<Request, Response> page = path.equals("/healthz") ? r -> health() : path.equals("/status") ? r -> status()
                : path.equals("/metrics") ? r -> metrics() : path.equals("/") ? this::page : null;
        if (page == null) {
            return new Response(404, errorBody("no such path: " + PlainHttpServer.shorten(path)
                    + "; this server answers GET / (the status page), GET /healthz, GET /status and GET /metrics"), Map.of());
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return new Response(405, errorBody("method " + PlainHttpServer.shorten(request.method()) + " is not allowed on "
                    + path + "; use GET or HEAD"), Map.of("Allow", "GET, HEAD"));
        }
        return page.apply(request);
    }

    private Response metrics() {
        return new Response(200, metrics.scrape(), metrics.contentType(), Map.of());
    }

    private Response page(Request request) {
        LastTick lastTick = last;
        long now = monotonicNanos.getAsLong();
        StatusPage.View view = new StatusPage.View(clock.instant(), startedAt, tick, options.pageRefresh(), problems(lastTick),
                lastTick == null ? null : lastTick.at(), lastTick == null ? null : lastTick.report(),
                lastTick == null ? null : lastTick.error(), rows(), ledger.days(), rate.lastMinute(now, usage().calls()),
                BUDGET_PER_MINUTE, usage(), search(request.query()));
        byte[] nonceBytes = new byte[18];
        NONCES.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        Map<String, String> headers = Map.of(
                // Only the page's own style and script run: an injected script would not, even if escaping missed one.
                "Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce
                        + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer");
        return new Response(200, StatusPage.render(view, nonce).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", headers);
    }

    /** The upcoming pre-breaks, judged at the last tick where the server may look; as the engine lists them otherwise. */
    private List<Lookahead.Row> rows() {
        List<Lookahead.Row> rows = looked;
        if (rows != null) {
            return rows;
        }
        return upcoming.get().stream().map(u -> new Lookahead.Row(u, u.agentName(), Lookahead.Eligible.NOT_READ, "not looked at"))
                .toList();
    }

    /** The agent searched for ({@code ?agent=...}), decoded; empty for none or an unreadable query. */
    static String search(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("agent=")) {
                try {
                    String value = URLDecoder.decode(pair.substring("agent=".length()), StandardCharsets.UTF_8).strip();
                    return value.length() > 100 ? value.substring(0, 100) : value;
                } catch (IllegalArgumentException e) {
                    return "";
                }
            }
        }
        return "";
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
        ClockStep step = lastClockStep;
        if (step != null) {
            body.put("lastClockStep", step.describe());
        }
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
        for (Lookahead.Row row : rows()) {
            UpcomingAction u = row.action();
            ObjectNode o = next.addObject();
            o.put("businessUnitId", u.businessUnitId());
            o.put("userId", u.userId());
            o.put("agentName", row.agentName());
            o.put("activity", u.activityName());
            o.put("rule", u.ruleName());
            o.put("triggerAt", u.triggerAt().toString());
            o.put("activityStart", u.activityStart().toString());
            o.put("eligibleNow", row.eligible().name());
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
