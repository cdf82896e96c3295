package dev.prebreak.aws.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SSM Parameter Store's GetParameter on loopback, speaking the service's JSON 1.1 protocol, so that the
 * real SDK client reads from it. Each {@link #put} is a new version of the parameter, as in SSM; a
 * parameter can be made unreadable for a while (SSM throttling or down).
 */
public final class FakeSsm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private record Stored(String value, long version) {
    }

    private final HttpServer server;
    private final Map<String, Stored> parameters = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;

    public FakeSsm() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** Writes {@code value} as the next version of {@code name} (put-parameter --overwrite). */
    public FakeSsm put(String name, String value) {
        parameters.compute(name, (n, old) -> new Stored(value, old == null ? 1 : old.version() + 1));
        return this;
    }

    /** While true, every request answers 500 InternalServerError. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    public int reads() {
        return reads.get();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SsmClient client() {
        return SsmClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (failing) {
                reply(exchange, 500, error("InternalServerError", "fake SSM is failing"));
                return;
            }
            if (!"AmazonSSM.GetParameter".equals(target)) {
                reply(exchange, 400, error("UnknownOperationException", "not faked: " + target));
                return;
            }
            String name = request.path("Name").asText();
            Stored stored = parameters.get(name);
            if (stored == null) {
                reply(exchange, 400, error("ParameterNotFound", "Parameter " + name + " not found."));
                return;
            }
            reads.incrementAndGet();
            ObjectNode parameter = JSON.createObjectNode()
                    .put("Name", name)
                    .put("Type", "String")
                    .put("Value", stored.value())
                    .put("Version", stored.version())
                    .put("ARN", "arn:aws:ssm:us-east-1:123456789012:parameter" + (name.startsWith("/") ? "" : "/") + name)
                    .put("DataType", "text")
                    .put("LastModifiedDate", 1.7e9);
            ObjectNode answer = JSON.createObjectNode();
            answer.set("Parameter", parameter);
            reply(exchange, 200, answer.toString());
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message).toString();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-" + System.nanoTime());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
