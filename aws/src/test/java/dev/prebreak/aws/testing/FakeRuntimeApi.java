package dev.prebreak.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API, as the runtime interface client sees it: {@code next} hands out the queued
 * events one at a time with the headers Lambda sends, then holds the request as Lambda does between
 * invocations; {@code response} and {@code error} are recorded.
 */
public final class FakeRuntimeApi implements AutoCloseable {
    /** What the function answered to one event. */
    public record Answer(String requestId, boolean error, String body, long receivedNanos) {
    }

    private record Event(String requestId, String payload) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Event> events = new ArrayDeque<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public FakeRuntimeApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized void enqueue(String requestId, String payload) {
        events.add(new Event(requestId, payload));
    }

    /** The next answer the function posts, or null after {@code seconds}. */
    public Answer awaitAnswer(long seconds) throws InterruptedException {
        return answers.poll(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("GET") && path.endsWith("/invocation/next")) {
            next(exchange);
            return;
        }
        long received = System.nanoTime();
        String[] parts = path.split("/");
        if (path.endsWith("/response") || path.endsWith("/error")) {
            answers.add(new Answer(parts[parts.length - 2], path.endsWith("/error"), new String(body, StandardCharsets.UTF_8), received));
        } else if (path.endsWith("/init/error")) {
            answers.add(new Answer("init", true, new String(body, StandardCharsets.UTF_8), received));
        }
        reply(exchange, 202, "{\"status\":\"OK\"}");
    }

    private void next(HttpExchange exchange) throws IOException {
        Event event;
        synchronized (this) {
            event = events.poll();
        }
        if (event == null) {
            try {
                closing.await(); // Lambda freezes the environment here until the next event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", event.requestId());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:prebreak-tick");
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        reply(exchange, 200, event.payload());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length); // sets Content-Length
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
