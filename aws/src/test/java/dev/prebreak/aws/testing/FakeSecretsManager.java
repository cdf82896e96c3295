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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Secrets Manager's GetSecretValue on loopback, speaking the service's JSON 1.1 protocol, so that the
 * real SDK client (and the packaged Lambda, through {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}) reads
 * from it. A secret may be given a queue of values, served one per read, the last one for good: a
 * rotation between two reads.
 */
public final class FakeSecretsManager implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Deque<String>> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public FakeSecretsManager() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** Stores {@code {"clientId","clientSecret"}} under {@code name}; later values are served on later reads. */
    public FakeSecretsManager credentials(String name, String clientId, String... clientSecrets) {
        Deque<String> values = new ArrayDeque<>();
        for (String secret : clientSecrets) {
            ObjectNode value = JSON.createObjectNode().put("clientId", clientId).put("clientSecret", secret);
            values.add(value.toString());
        }
        secrets.put(name, values);
        return this;
    }

    /** Appends another value under {@code name}, as a rotation to another OAuth client would. */
    public FakeSecretsManager thenCredentials(String name, String clientId, String clientSecret) {
        ObjectNode value = JSON.createObjectNode().put("clientId", clientId).put("clientSecret", clientSecret);
        secrets.computeIfAbsent(name, n -> new ArrayDeque<>()).add(value.toString());
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int reads() {
        return reads.get();
    }

    public SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                reply(exchange, 400, error("UnknownOperationException", "not faked: " + target));
                return;
            }
            String id = request.path("SecretId").asText();
            Deque<String> values = secrets.get(id);
            if (values == null || values.isEmpty()) {
                reply(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            reads.incrementAndGet();
            String value;
            synchronized (values) {
                value = values.size() > 1 ? values.poll() : values.peek();
            }
            ObjectNode answer = JSON.createObjectNode()
                    .put("ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + id + "-AbCdEf")
                    .put("Name", id)
                    .put("VersionId", "v" + reads.get())
                    .put("SecretString", value)
                    .put("CreatedDate", 1.7e9);
            answer.putArray("VersionStages").add("AWSCURRENT");
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
