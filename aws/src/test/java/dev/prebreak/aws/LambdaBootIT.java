package dev.prebreak.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.deploy.Templates;
import dev.prebreak.aws.testing.FakeRuntimeApi;
import dev.prebreak.aws.testing.FakeRuntimeApi.Answer;
import dev.prebreak.aws.testing.FakeSecretsManager;
import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.aws.testing.TestOrg;
import dev.prebreak.aws.testing.TestOrg.Agent;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the packaged zip exactly as the Lambda Java runtime does: unpacked into a task root (the
 * working directory), started by the real runtime interface client with the handler string of the
 * templates, the function's jars loaded by the client's own class loader. A local Runtime API hands
 * it a Scheduler event; the tick runs against the simulator, DynamoDB Local and a loopback Secrets
 * Manager. Measures the cold invocation: process start to the response.
 */
class LambdaBootIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    @Test
    void the_packaged_function_boots_under_the_runtime_interface_client_and_ticks() throws Exception {
        Path zip = Path.of(System.getProperty("prebreak.lambda.zip"));
        Path runtime = Path.of(System.getProperty("prebreak.lambda.runtime"));
        unzip(zip, taskRoot);
        String handler = Templates.samHandler();
        assertThat(handler).isEqualTo(TickHandler.HANDLER);

        Instant now = Instant.now();
        LocalDynamoDb dynamo = LocalDynamoDb.shared();
        String table = dynamo.newTable();
        try (Simulator sim = TestOrg.start(SimClock.real(), List.of(
                     new Agent("alice", TestOrg.NORTH, now.plus(Duration.ofMinutes(10))),
                     new Agent("bob", TestOrg.SOUTH, now.plus(Duration.ofMinutes(10)))));
             FakeSecretsManager secrets = new FakeSecretsManager().credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
             FakeRuntimeApi api = new FakeRuntimeApi()) {
            api.enqueue("req-cold", "{\"businessUnitIds\":[\"" + TestOrg.NORTH + "\"]}");
            api.enqueue("req-bad", "{\"businessUnitIds\":[\"not-configured\"]}");

            ProcessBuilder boot = new ProcessBuilder(javaCommand(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", runtime.resolve("*").toString(),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler)
                    .directory(taskRoot.toFile())
                    .redirectOutput(taskRoot.resolve("stdout.log").toFile())
                    .redirectError(taskRoot.resolve("stderr.log").toFile());
            Map<String, String> env = boot.environment();
            env.keySet().removeIf(k -> k.startsWith("PREBREAK_") || k.startsWith("AWS_") || k.startsWith("JAVA_TOOL"));
            env.putAll(TestOrg.environment(sim, table));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.put("AWS_SESSION_TOKEN", "local");
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "prebreak-tick");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("POWERTOOLS_SERVICE_NAME", "prebreak");
            env.put("POWERTOOLS_METRICS_NAMESPACE", "prebreak");

            long started = System.nanoTime();
            Process function = boot.start();
            try {
                Answer cold = awaitWhileAlive(api, function, 90);
                assertThat(cold).as("an answer to the first event; stderr: %s", read("stderr.log")).isNotNull();
                long coldMillis = TimeUnit.NANOSECONDS.toMillis(cold.receivedNanos() - started);
                System.out.println("cold invocation under the runtime interface client (process start to response): " + coldMillis + " ms");
                assertThat(cold.error()).as("error body: %s", cold.body()).isFalse();
                JsonNode summary = JSON.readTree(cold.body());
                assertThat(summary.get("applied").asInt()).isEqualTo(1);
                assertThat(TestOrg.setToPreBreak(sim)).containsExactly("alice");

                Answer bad = awaitWhileAlive(api, function, 30);
                assertThat(bad).as("an error for the second event; stderr: %s", read("stderr.log")).isNotNull();
                assertThat(bad.requestId()).isEqualTo("req-bad");
                assertThat(bad.error()).isTrue();
                JsonNode error = JSON.readTree(bad.body());
                assertThat(error.get("errorType").asText()).endsWith("InvalidConfigException");
                assertThat(error.get("errorMessage").asText()).contains("not-configured");
            } finally {
                function.destroy();
                if (!function.waitFor(10, TimeUnit.SECONDS)) {
                    function.destroyForcibly();
                }
            }

            List<JsonNode> lines = jsonLines(read("stdout.log"));
            assertThat(lines).as("EMF metrics of the tick").anySatisfy(line -> {
                assertThat(line.has("_aws")).isTrue();
                assertThat(line.get("PreBreakApplied").asDouble()).isEqualTo(1.0);
                assertThat(line.get("AgentsEvaluated").asDouble()).isEqualTo(1.0);
                // One dimension set, so CloudWatch counts each value once, under the unit the dashboards search by.
                assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"Service\",\"BusinessUnit\"]]");
                assertThat(line.get("BusinessUnit").asText()).isEqualTo(TestOrg.NORTH);
                assertThat(line.get("Service").asText()).isEqualTo("prebreak");
            });
            assertThat(lines).as("a JSON log line of the tick, with the request id").anySatisfy(line -> {
                assertThat(line.path("message").asText()).isEqualTo("tick done");
                assertThat(line.path("function_request_id").asText()).isEqualTo("req-cold");
            });
            String everything = read("stdout.log") + read("stderr.log");
            assertThat(everything).doesNotContain(sim.clientSecret());
        }
    }

    /** The next answer; null at once if the function's process died, or after {@code seconds}. */
    private static Answer awaitWhileAlive(FakeRuntimeApi api, Process function, int seconds) throws InterruptedException {
        for (int waited = 0; waited < seconds; waited++) {
            Answer answer = api.awaitAnswer(1);
            if (answer != null || !function.isAlive()) {
                return answer;
            }
        }
        return null;
    }

    /**
     * Every stdout line the function writes is a JSON object, logs and EMF alike. The runtime client's
     * own report of the second (failing) invocation is plain text, as it is on Lambda: lines after our
     * "tick failed" line are the runtime's, and are left out.
     */
    private static List<JsonNode> jsonLines(String stdout) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).as("a stdout line of the function that is not JSON").startsWith("{");
            JsonNode json = JSON.readTree(line);
            lines.add(json);
            if (json.path("message").asText().startsWith("tick failed")) {
                break;
            }
        }
        assertThat(lines).as("the failing invocation is logged as JSON too")
                .anySatisfy(l -> assertThat(l.path("function_request_id").asText()).isEqualTo("req-bad"));
        return lines;
    }

    private String read(String file) throws IOException {
        Path path = taskRoot.resolve(file);
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

}
