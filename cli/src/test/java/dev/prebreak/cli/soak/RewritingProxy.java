package dev.prebreak.cli.soak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A tiny HTTP stub in front of the simulator that passes everything through but rewrites the answer
 * body of one endpoint: for shapes of bad input the simulator cannot produce (a field of the wrong
 * type, an enum value nobody documented, a page far larger than asked for).
 */
final class RewritingProxy implements AutoCloseable {
    private static final List<String> PASSED_HEADERS = List.of("Retry-After", "inin-ratelimit-allowed",
            "inin-ratelimit-count", "inin-ratelimit-reset", "inin-correlation-id");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RewritingProxy(URI target, Pattern method_path, UnaryOperator<String> rewrite) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(exchange, target, method_path, rewrite));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange, URI target, Pattern methodPath, UnaryOperator<String> rewrite)
            throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Authorization", "Content-Type")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] out = answer.body();
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            if (answer.statusCode() == 200 && methodPath.matcher(call).matches()) {
                out = rewrite.apply(new String(out, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            for (String header : PASSED_HEADERS) {
                answer.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().add(header, v));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
