package dev.prebreak.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.audit.AuditTrail;
import dev.prebreak.aws.audit.LoggedAudit;
import dev.prebreak.aws.config.ConfigParameter;
import dev.prebreak.aws.config.ConfiguredTicks;
import dev.prebreak.aws.dynamodb.DynamoDbAuditLog;
import dev.prebreak.aws.dynamodb.DynamoDbStateStore;
import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.secrets.CredentialsSecret;
import dev.prebreak.aws.testing.FakeContext;
import dev.prebreak.aws.testing.FakeSecretsManager;
import dev.prebreak.aws.testing.FakeSsm;
import dev.prebreak.aws.testing.LocalDynamoDb;
import dev.prebreak.aws.testing.RecordingMetrics;
import dev.prebreak.aws.testing.TestOrg;
import dev.prebreak.aws.testing.TestOrg.Agent;
import dev.prebreak.aws.tick.GatewayFactory;
import dev.prebreak.aws.tick.ScheduledTicks;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.InvalidConfigException;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handler with its configuration in an SSM parameter, as the templates deploy it: the simulator as
 * Genesys, DynamoDB Local, loopback Secrets Manager and SSM behind the real SDK clients.
 */
class TickHandlerConfigParameterTest {
    /** Near the real clock, whatever day the suite runs: DynamoDB Local expires items by the real clock. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final String PARAMETER = "/prebreak/config";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            dryRun: true
            maxChangesPerTick: 1000
            tick: 60s
            rules:
              - {name: breaks, categories: [Break], lead: 15m, presence: Pre-Break}
              - {name: meals, categories: [Meal], lead: 5m, presence: Pre-Break}
            """;

    private final LocalDynamoDb dynamo = LocalDynamoDb.shared();
    private final String table = dynamo.newTable();
    private final FakeSecretsManager secrets = new FakeSecretsManager();
    private final FakeSsm ssm = new FakeSsm();
    private Simulator sim;

    @AfterEach
    void close() {
        secrets.close();
        ssm.close();
        if (sim != null) {
            sim.close();
        }
    }

    /** The templates' environment: deployment settings only, the rest in the parameter. */
    private Map<String, String> environment() {
        Map<String, String> env = TestOrg.environment(sim, table);
        env.keySet().removeIf(k -> k.startsWith("PREBREAK_RULES_") || k.equals("PREBREAK_DRY_RUN")
                || k.equals("PREBREAK_TICK") || k.equals("PREBREAK_MAX_CHANGES_PER_TICK"));
        env.put("PREBREAK_CONFIG", "ssm:" + PARAMETER);
        return env;
    }

    private TickHandler handler() {
        SimClock clock = sim.clock();
        GatewayFactory gateways = (region, clientId, secret) -> GenesysClient.builder().region(region).credentials(clientId, secret)
                .clock(clock).sleeper(clock::advance).jitterSeed(7).build();
        Map<String, String> environment = environment();
        ConfiguredTicks ticks = new ConfiguredTicks(environment, ConfigParameter.fromEnvironment(environment, ssm::client).orElseThrow(),
                (Config config) -> {
                    DynamoDbAuditLog audit = new DynamoDbAuditLog(dynamo.client(), table);
                    return new ScheduledTicks(config, new DynamoDbStateStore(dynamo.client(), table, clock),
                            new AuditTrail(List.of(new LoggedAudit(), audit)), audit::flush,
                            new CredentialsSecret(secrets.client(), TestOrg.SECRET_NAME, clock, Duration.ofMinutes(15)),
                            gateways, clock, new TickMetrics(new RecordingMetrics()));
                }, clock, ConfiguredTicks.RECHECK);
        return new TickHandler(ticks);
    }

    private static JsonNode invoke(TickHandler handler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out,
                new FakeContext("req-" + System.nanoTime(), 50_000));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void the_parameter_s_rules_drive_the_ticks_and_turning_off_its_dry_run_takes_effect_without_a_new_function() throws IOException {
        sim = TestOrg.start(SimClock.fixed(NOW), List.of(
                new Agent("alice", TestOrg.NORTH, NOW.plus(Duration.ofMinutes(10))),
                new Agent("bob", TestOrg.SOUTH, NOW.plus(Duration.ofMinutes(12)))));
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        ssm.put(PARAMETER, CONFIG);
        TickHandler handler = handler();

        JsonNode dry = invoke(handler);
        assertThat(dry.get("dryRunActions").asInt()).isEqualTo(2);
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();

        ssm.put(PARAMETER, CONFIG.replace("dryRun: true", "dryRun: false"));
        sim.clock().advance(ConfiguredTicks.RECHECK);
        JsonNode live = invoke(handler);

        assertThat(live.get("applied").asInt()).isEqualTo(2);
        assertThat(TestOrg.setToPreBreak(sim)).containsExactlyInAnyOrder("alice", "bob");
        assertThat(ssm.reads()).isEqualTo(2);
    }

    @Test
    void an_invalid_parameter_fails_the_invocation_with_every_problem_and_its_key() {
        sim = TestOrg.start(SimClock.fixed(NOW), List.of(new Agent("alice", TestOrg.NORTH, NOW.plus(Duration.ofMinutes(10)))));
        secrets.credentials(TestOrg.SECRET_NAME, sim.clientId(), sim.clientSecret());
        ssm.put(PARAMETER, CONFIG.replace("lead: 5m", "lead: 5 minutes").replace("dryRun: true", "dryRun: maybe"));
        TickHandler handler = handler();

        assertThatThrownBy(() -> invoke(handler)).isInstanceOfSatisfying(InvalidConfigException.class, e ->
                assertThat(e.problems()).extracting(p -> p.key()).containsExactlyInAnyOrder("dryRun", "rules[1].lead"));
        assertThat(TestOrg.setToPreBreak(sim)).isEmpty();
    }
}
