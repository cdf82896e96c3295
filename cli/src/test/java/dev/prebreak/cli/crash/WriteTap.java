package dev.prebreak.cli.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through HTTP proxy in front of the simulator that tells the test where each presence write
 * ({@code PUT /api/v2/users/presences/bulk}) stands, so that a kill can be aimed at it:
 * <ul>
 *   <li>{@link Stage#SENT}: the request reached the proxy and goes on to the simulator (which delays it by the
 *       injected write latency, then applies it: a write sent is a write that lands, whatever happens to
 *       the client meanwhile, as with a real network);</li>
 *   <li>{@link Stage#LANDED}: the simulator answered, so the write is in its ground-truth log, and the answer
 *       has not been relayed yet; with {@link #holdNextAnswer()} the answer waits there until
 *       {@link #release()}, so a kill lands between the write and its answer;</li>
 *   <li>{@link Stage#ANSWERED}: the answer was relayed to prebreak.</li>
 * </ul>
 * Everything else (token, reads) is passed through untouched.
 */
final class WriteTap implements AutoCloseable {
    static final String WRITE = "PUT /api/v2/users/presences/bulk";
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(10);
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept");
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Retry-After", "inin-ratelimit-allowed",
            "inin-ratelimit-count", "inin-ratelimit-reset", "ININ-Correlation-Id");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Stage { SENT, LANDED, ANSWERED }

    /** One stage of one write: the how-manieth write it is, for which agents, the simulator's status, when. */
    record Event(Stage stage, int write, List<String> userIds, int status, Instant at) {
        @Override
        public String toString() {
            return "write #" + write + " " + stage + (stage == Stage.SENT ? "" : " (" + status + ")") + " for " + userIds;
        }
    }

    private final URI target;
    private final Account account;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger writes = new AtomicInteger();
    private final List<Event> events = new ArrayList<>();
    /** Hold the answer of the next write numbered this or later; 0: hold nothing. */
    private int holdFrom;
    private CountDownLatch hold;

    WriteTap(URI target, Account account) throws IOException {
        this.target = target;
        this.account = account;
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "write-tap-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where prebreak should find "Genesys": {@code http://127.0.0.1:PORT}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The number the next write will get: what a process started now writes is numbered from here. */
    int nextWrite() {
        return writes.get() + 1;
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * The first event of {@code stage} for a write numbered {@code firstWrite} or later (a write of a killed
     * process may still land after its successor started), waiting for it at most {@code timeout}.
     */
    synchronized Optional<Event> await(Stage stage, int firstWrite, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (int seen = 0; ; ) {
            for (; seen < events.size(); seen++) {
                if (events.get(seen).stage() == stage && events.get(seen).write() >= firstWrite) {
                    return Optional.of(events.get(seen));
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /**
     * The answer to the next write numbered {@code firstWrite} or later waits, once the write has landed,
     * until {@link #release()} (at most 10 s).
     */
    synchronized void holdNextAnswer(int firstWrite) {
        holdFrom = firstWrite;
    }

    /** Lets a held answer go, and disarms a hold that caught nothing yet. */
    synchronized void release() {
        holdFrom = 0;
        if (hold != null) {
            hold.countDown();
            hold = null;
        }
    }

    private synchronized Event record(Stage stage, int write, List<String> userIds, int status) {
        Event event = new Event(stage, write, userIds, status, Instant.now());
        events.add(event);
        notifyAll();
        account.note("sim", event.toString());
        return event;
    }

    private synchronized CountDownLatch takeHold(int write) {
        if (holdFrom == 0 || write < holdFrom) {
            return null;
        }
        holdFrom = 0;
        hold = new CountDownLatch(1);
        return hold;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            boolean write = call.equals(WRITE);
            int number = write ? writes.incrementAndGet() : 0;
            List<String> users = write ? userIds(body) : List.of();
            if (write) {
                record(Stage.SENT, number, users, 0);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : REQUEST_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (write) {
                record(Stage.LANDED, number, users, answer.statusCode());
                CountDownLatch held = takeHold(number);
                if (held != null && !held.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                    account.note("sim", "write #" + number + ": answer held " + LONGEST_HOLD.toSeconds() + " s and let go");
                }
            }
            for (String header : ANSWER_HEADERS) {
                answer.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
            }
            byte[] out = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
            if (write) {
                record(Stage.ANSWERED, number, users, answer.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Mostly prebreak gone (killed) before its answer: the write, once sent, lands all the same.
            account.note("sim", "proxy: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " ended early: " + e);
        }
    }

    private static List<String> userIds(byte[] body) {
        List<String> ids = new ArrayList<>();
        try {
            for (JsonNode entry : JSON.readTree(body)) {
                ids.add(entry.path("id").asText("?"));
            }
        } catch (IOException e) {
            ids.add("(unreadable body)");
        }
        return List.copyOf(ids);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
