package dev.prebreak.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.audit.AuditTrail;
import dev.prebreak.aws.audit.LoggedAudit;
import dev.prebreak.aws.dynamodb.DynamoDbAuditLog;
import dev.prebreak.aws.dynamodb.DynamoDbStateStore;
import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.secrets.CredentialsSecret;
import dev.prebreak.aws.testing.FakeContext;
import dev.prebreak.aws.testing.FakeSecretsManager;
import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.aws.testing.RecordingMetrics;
import dev.prebreak.aws.testing.TestOrg;
import dev.prebreak.aws.testing.TestOrg.Agent;
import dev.prebreak.aws.tick.GatewayFactory;
import dev.prebreak.aws.tick.LambdaWiring;
import dev.prebreak.aws.tick.ScheduledTicks;
import dev.prebreak.aws.tick.TickFailedException;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.state.RecordStatus;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler end to end, in this JVM: the simulator as Genesys (on a fixed virtual clock, waits
 * advance it), DynamoDB Local as the table, a loopback Secrets Manager for the credentials.
 */
class TickHandlerTest {
    /** Near the real clock, whatever day the suite runs: DynamoDB Local expires items by the real clock. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDynamoDb dynamo = LocalDynamoDb.shared();
    private final String table = dynamo.newTable();
    private final FakeSecretsManager secrets = new FakeSecretsManager();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private Simulator sim;

    @AfterEach
    void close() {
        secrets.close();
        if (sim != null) {
            sim.close();
        }
    }

    /** Alice (north) and Bob (south) have breaks in ten minutes: inside the 15-minute lead. */
    private Simulator org() {
        sim = TestOrg.start(SimClock.fixed(NOW), List.of(
                new Agent("alice", TestOrg.NORTH, NOW.plus(Duration.ofMinutes(10))),
                new Agent("bob", TestOrg.SOUTH, NOW.plus(Duration.ofMinutes(10))),
                new Agent("carol", TestOrg.NORTH, NOW.plus(Duration.ofHours(2)))));
        return sim;
    }

    private TickHandler handler(Map<String, String> environment) {
        Config config = LambdaWiring.lambdaConfig(environment);
        SimClock clock = sim.clock();
        DynamoDbAuditLog tableAudit = new DynamoDbAuditLog(dynamo.client(), table);
        GatewayFactory gateways = (region, clientId, secret) -> GenesysClient.builder().region(region).credentials(clientId, secret)
                .clock(clock).sleeper(clock::advance).jitterSeed(7).build();
        ScheduledTicks ticks = new ScheduledTicks(config, new DynamoDbStateStore(dynamo.client(), table, clock),
                new AuditTrail(List.of(new LoggedAudit(), tableAudit)), tableAudit::flush,
                new CredentialsSecret(secrets.client(), TestOrg.SECRET_NAME, clock, Duration.ofMinutes(15)),
                gateways, clock, new TickMetrics(metrics));
        return new TickHandler(() -> ticks);
    }

    private static JsonNode invoke(TickHandler handler, String input) throws IOException {
        return invoke(handler, input, 50_000);
    }

    private static JsonNode invoke(TickHandler handler, String input, int remainingMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new FakeContext("req-" + System.nanoTime(), remainingMillis));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void a_scheduled_invocation_sets_due_agents_to_pre_break_and_remembers_it() throws IOException {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        JsonNode summary = invoke(handler, "{}");

        assertThat(TestOrg.setToPreBreak(sim)).containsExactlyInAnyOrder("alice", "bob");
        assertThat(summary.get("applied").asInt()).isEqualTo(2);
        assertThat(summary.get("agentsEvaluated").asInt()).isEqualTo(3);
        assertThat(new DynamoDbStateStore(dynamo.client(), table, sim.clock()).records(TestOrg.NORTH, NOW))
                .singleElement().satisfies(r -> {
                    assertThat(r.key().userId()).isEqualTo("alice");
                    assertThat(r.status()).isEqualTo(RecordStatus.IN_PRE_BREAK);
                });
        Map<String, Double> published = metrics.last();
        assertThat(published).containsEntry("PreBreakApplied", 2.0).containsEntry("AgentsEvaluated", 3.0)
                .containsEntry("TickFailed", 0.0).containsEntry("WriteFailures", 0.0).containsKey("TickDuration");
        assertThat(published.get("ApiCalls")).isPositive();
        assertThat(metrics.lastDimensions()).as("a tick over both units counts for all of them, once")
                .isEqualTo(Map.of("Service", "prebreak", TickMetrics.BUSINESS_UNIT, TickMetrics.ALL_UNITS));
        assertThat(auditItems()).isEqualTo(2);

        JsonNode again = invoke(handler, "");
        assertThat(again.get("applied").asInt()).as("a warm invocation acts on nothing twice").isZero();
        assertThat(TestOrg.setToPreBreak(sim)).hasSize(2);
        assertThat(secrets.reads()).as("the secret is cached between invocations").isEqualTo(1);
    }

    @Test
    void two_overlapping_invocations_act_on_each_activity_exactly_once() throws Exception {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler first = handler(TestOrg.environment(sim, table)); // two containers: own engines, own clients
        TickHandler second = handler(TestOrg.environment(sim, table));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<JsonNode> a = threads.submit(() -> { go.await(); return invoke(first, "{}"); });
            java.util.concurrent.Future<JsonNode> b = threads.submit(() -> { go.await(); return invoke(second, "{}"); });
            go.countDown();
            JsonNode one = a.get();
            JsonNode two = b.get();

            assertThat(one.get("applied").asInt() + two.get("applied").asInt()).isEqualTo(2);
            assertThat(TestOrg.setToPreBreak(sim)).as("each agent set once, whoever won").containsExactlyInAnyOrder("alice", "bob");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void the_input_narrows_the_tick_to_the_business_units_it_names() throws IOException {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        JsonNode summary = invoke(handler, "{\"businessUnitIds\":[\"" + TestOrg.SOUTH + "\"]}");

        assertThat(TestOrg.setToPreBreak(sim)).containsExactly("bob");
        assertThat(summary.get("businessUnits")).extracting(JsonNode::asText).containsExactly(TestOrg.SOUTH);
        assertThat(metrics.lastDimensions()).as("the metrics of a one-unit tick carry the unit")
                .containsEntry(TickMetrics.BUSINESS_UNIT, TestOrg.SOUTH).containsEntry("Service", "prebreak");
    }

    @Test
    void an_input_may_not_widen_the_scope_nor_carry_unknown_fields() {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        assertThatThrownBy(() -> invoke(handler, "{\"businessUnitIds\":[\"elsewhere\"]}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("elsewhere");
        assertThatThrownBy(() -> invoke(handler, "{\"businessUnitId\":\"" + TestOrg.NORTH + "\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'businessUnitId'");
        assertThat(metrics.flushed()).as("a refused input counts as a failed tick").isNotEmpty();
        assertThat(metrics.lastDimensions()).as("an unchecked id never becomes a metric series")
                .containsEntry(TickMetrics.BUSINESS_UNIT, TickMetrics.ALL_UNITS);
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();
    }

    @Test
    void a_dry_run_changes_nothing_and_says_what_it_would_do() throws IOException {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        Map<String, String> env = new HashMap<>(TestOrg.environment(sim, table));
        env.put("PREBREAK_DRY_RUN", "true");

        JsonNode summary = invoke(handler(env), "{}");

        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("dryRunActions").asInt()).isEqualTo(2);
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();
        assertThat(new DynamoDbStateStore(dynamo.client(), table, sim.clock()).records(TestOrg.NORTH, NOW)).isEmpty();
        assertThat(metrics.last()).containsEntry("PreBreakDryRun", 2.0);
    }

    @Test
    void refused_credentials_fail_the_invocation_without_showing_the_secret() {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), "not-the-secret-42");
        TickHandler handler = handler(TestOrg.environment(sim, table));

        assertThatThrownBy(() -> invoke(handler, "{}"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("login refused")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("not-the-secret-42"));
        assertThat(secrets.reads()).as("read once more after the refusal; unchanged, so no second tick").isEqualTo(2);
        assertThat(metrics.last()).containsEntry("TickFailed", 1.0);
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();
    }

    @Test
    void a_secret_rotated_since_it_was_cached_is_read_again_and_the_tick_succeeds() throws IOException {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), "the-old-secret", sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        JsonNode summary = invoke(handler, "{}");

        assertThat(summary.get("applied").asInt()).isEqualTo(2);
        assertThat(secrets.reads()).isEqualTo(2);
    }

    @Test
    void a_new_oauth_client_in_the_secret_replaces_the_old_one_whole() throws IOException {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, "retired-client", "retired-secret")
                .thenCredentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        JsonNode summary = invoke(handler, "{}");

        assertThat(summary.get("applied").asInt()).as("logged in with the new client id and its own secret").isEqualTo(2);
        assertThat(secrets.reads()).isEqualTo(2);
    }

    @Test
    void with_no_time_left_the_tick_calls_nothing_and_fails() {
        org();
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        TickHandler handler = handler(TestOrg.environment(sim, table));

        assertThatThrownBy(() -> invoke(handler, "{}", 2_000)).isInstanceOfAny(GatewayException.class, TickFailedException.class);
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();
    }

    @Test
    void lambda_configuration_refuses_plain_secrets_and_a_state_store_that_forgets() {
        Map<String, String> env = new HashMap<>(Map.of(
                "PREBREAK_GENESYS_REGION", "eu_central_1",
                "PREBREAK_GENESYS_CLIENT_ID", "abc",
                "PREBREAK_GENESYS_CLIENT_SECRET", "env:GENESYS_SECRET",
                "PREBREAK_SCOPE_BUSINESS_UNITS", "bu-1",
                "PREBREAK_RULES_0_NAME", "breaks",
                "PREBREAK_RULES_0_CATEGORIES", "Break",
                "PREBREAK_RULES_0_PRESENCE", "Pre-Break"));

        assertThatThrownBy(() -> LambdaWiring.lambdaConfig(env))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("PREBREAK_GENESYS_CREDENTIALS")
                .hasMessageContaining("PREBREAK_STATE_STORE");
    }

    private int auditItems() {
        return dynamo.client().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS(DynamoDbAuditLog.PARTITION_PREFIX + TestOrg.NORTH)))).count()
                + dynamo.client().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS(DynamoDbAuditLog.PARTITION_PREFIX + TestOrg.SOUTH)))).count();
    }
}
