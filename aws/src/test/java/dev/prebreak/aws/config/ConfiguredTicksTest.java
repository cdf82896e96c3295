package dev.prebreak.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.aws.audit.AuditTrail;
import dev.prebreak.aws.audit.LoggedAudit;
import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.secrets.CredentialsSecret;
import dev.prebreak.aws.testing.FakeSecretsManager;
import dev.prebreak.aws.testing.FakeSsm;
import dev.prebreak.aws.testing.RecordingMetrics;
import dev.prebreak.aws.tick.ScheduledTicks;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.state.InMemoryStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lambda's configuration from an SSM parameter: read, validated like a file, overridden, re-read. */
class ConfiguredTicksTest {
    private static final String PARAMETER = "/prebreak/config";
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TWO_RULES = """
            dryRun: false
            maxChangesPerTick: 200
            rules:
              - name: breaks
                categories: [Break]
                lead: 15m
                presence: Pre-Break
              - name: meals
                categories: [Meal]
                lead: 5m
                presence: Pre-Break
            """;

    private final FakeSsm ssm = new FakeSsm();
    private final FakeSecretsManager secrets = new FakeSecretsManager();
    private final MutableClock clock = new MutableClock(T0);
    private final List<Config> built = new ArrayList<>();

    @AfterEach
    void close() {
        ssm.close();
        secrets.close();
    }

    /** What the templates put in the environment besides PREBREAK_CONFIG. */
    private static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PREBREAK_CONFIG", "ssm:" + PARAMETER);
        env.put("PREBREAK_GENESYS_REGION", "eu_west_1");
        env.put("PREBREAK_GENESYS_CREDENTIALS", "secretsmanager:prebreak/genesys");
        env.put("PREBREAK_SCOPE_BUSINESS_UNITS", "bu-1,bu-2");
        env.put("PREBREAK_STATE_STORE", "dynamodb");
        env.put("PREBREAK_STATE_TABLE", "prebreak-state");
        return env;
    }

    private ScheduledTicks build(Config config) {
        built.add(config);
        return new ScheduledTicks(config, new InMemoryStateStore(), new AuditTrail(List.of(new LoggedAudit())), () -> { },
                new CredentialsSecret(secrets.client(), "prebreak/genesys", clock, Duration.ofMinutes(15)),
                (region, clientId, secret) -> {
                    throw new AssertionError("no tick runs here");
                }, clock, new TickMetrics(new RecordingMetrics()));
    }

    private ConfiguredTicks ticks(Map<String, String> environment) {
        ConfigParameter parameter = ConfigParameter.fromEnvironment(environment, ssm::client).orElse(null);
        return new ConfiguredTicks(environment, parameter, this::build, clock, Duration.ofSeconds(60));
    }

    @Test
    void the_parameter_s_yaml_is_the_configuration_with_the_environment_s_settings_added() {
        ssm.put(PARAMETER, TWO_RULES);

        ticks(environment()).get();

        Config config = built.get(0);
        assertThat(config.rules()).extracting(r -> r.name() + " " + r.lead()).containsExactly("breaks PT15M", "meals PT5M");
        assertThat(config.dryRun()).isFalse();
        assertThat(config.maxChangesPerTick()).isEqualTo(200);
        assertThat(config.scope().businessUnits()).containsExactly("bu-1", "bu-2");
        assertThat(config.state().table()).isEqualTo("prebreak-state");
    }

    @Test
    void an_environment_variable_overrides_the_parameter() {
        ssm.put(PARAMETER, TWO_RULES);
        Map<String, String> env = environment();
        env.put("PREBREAK_DRY_RUN", "true");
        env.put("PREBREAK_RULES_1_LEAD", "7m");

        ticks(env).get();

        assertThat(built.get(0).dryRun()).isTrue();
        assertThat(built.get(0).rules().get(1).lead()).isEqualTo(Duration.ofMinutes(7));
        assertThat(built.get(0).rules().get(0).lead()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void an_invalid_parameter_fails_with_the_same_problems_as_the_same_file(@TempDir Path dir) throws IOException {
        String yaml = TWO_RULES.replace("lead: 5m", "lead: 3h").replace("maxChangesPerTick: 200", "maxChangesPerTick: 0")
                + "colour: blue\n";
        ssm.put(PARAMETER, yaml);
        Path file = dir.resolve("prebreak.yaml");
        Files.writeString(file, yaml);
        InvalidConfigException asFile = org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(environment()).load(file));

        assertThatThrownBy(() -> ticks(environment()).get())
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(3).isEqualTo(asFile.problems());
                    assertThat(e.getMessage()).isEqualTo(asFile.getMessage());
                });
        assertThat(asFile.problems()).extracting(p -> p.key()).contains("rules[1].lead", "maxChangesPerTick", "colour");
        assertThat(built).isEmpty();
    }

    @Test
    void broken_yaml_is_reported_with_the_parameter_s_name_version_and_position() {
        ssm.put(PARAMETER, "rules:\n  - name: breaks\n   lead: [15m\n");

        assertThatThrownBy(() -> ticks(environment()).get())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("SSM parameter /prebreak/config (version 1) is not valid YAML at line");
    }

    @Test
    void the_lambda_s_own_requirements_still_hold() {
        ssm.put(PARAMETER, TWO_RULES + "state:\n  store: memory\n");
        Map<String, String> env = environment();
        env.remove("PREBREAK_STATE_STORE");

        assertThatThrownBy(() -> ticks(env).get())
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("must be dynamodb on Lambda");
    }

    @Test
    void the_parameter_is_read_again_after_a_minute_and_a_new_version_replaces_the_ticks() {
        ssm.put(PARAMETER, TWO_RULES);
        ConfiguredTicks ticks = ticks(environment());
        ScheduledTicks first = ticks.get();

        clock.advance(Duration.ofSeconds(59));
        assertThat(ticks.get()).isSameAs(first);
        assertThat(ssm.reads()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(ticks.get()).as("same version: same ticks, caches and login").isSameAs(first);
        assertThat(ssm.reads()).isEqualTo(2);

        ssm.put(PARAMETER, TWO_RULES.replace("dryRun: false", "dryRun: true")); // the kill switch
        assertThat(ticks.get()).as("read less than a minute ago").isSameAs(first);
        clock.advance(Duration.ofSeconds(60));
        ScheduledTicks second = ticks.get();

        assertThat(second).isNotSameAs(first);
        assertThat(built).extracting(Config::dryRun).containsExactly(false, true);
    }

    @Test
    void a_new_version_that_is_invalid_fails_every_tick_until_it_is_fixed() {
        ssm.put(PARAMETER, TWO_RULES);
        ConfiguredTicks ticks = ticks(environment());
        ticks.get();

        ssm.put(PARAMETER, TWO_RULES.replace("lead: 5m", "lead: soon"));
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(ticks::get).isInstanceOf(InvalidConfigException.class).hasMessageContaining("rules[1].lead");
        assertThatThrownBy(ticks::get).as("no grace: the next invocation fails too").isInstanceOf(InvalidConfigException.class);

        ssm.put(PARAMETER, TWO_RULES.replace("lead: 5m", "lead: 6m"));
        ticks.get();
        assertThat(built).hasSize(2);
        assertThat(built.get(1).rules().get(1).lead()).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void a_parameter_that_cannot_be_read_again_keeps_the_ticks_but_one_never_read_fails() {
        ssm.put(PARAMETER, TWO_RULES);
        ConfiguredTicks ticks = ticks(environment());
        ScheduledTicks first = ticks.get();

        ssm.failing(true);
        clock.advance(Duration.ofSeconds(60));
        assertThat(ticks.get()).isSameAs(first);

        ConfiguredTicks fresh = ticks(environment());
        assertThatThrownBy(fresh::get).isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("cannot read the configuration from SSM parameter /prebreak/config");
    }

    @Test
    void a_missing_parameter_fails_and_names_it() {
        assertThatThrownBy(() -> ticks(environment()).get()).isInstanceOf(ConfigUnavailableException.class)
                .hasMessageContaining("/prebreak/config");
    }

    @Test
    void prebreak_config_on_lambda_must_name_an_ssm_parameter() {
        Map<String, String> env = environment();
        env.put("PREBREAK_CONFIG", "/var/task/prebreak.yaml");

        assertThatThrownBy(() -> ticks(env))
                .isInstanceOfSatisfying(InvalidConfigException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.key()).isEqualTo("PREBREAK_CONFIG");
                            assertThat(p.message()).contains("ssm:<parameter name or ARN>");
                        }));
    }

    @Test
    void without_prebreak_config_the_environment_alone_is_the_configuration_and_ssm_is_never_asked() {
        Map<String, String> env = environment();
        env.remove("PREBREAK_CONFIG");
        env.put("PREBREAK_RULES_0_NAME", "breaks");
        env.put("PREBREAK_RULES_0_CATEGORIES", "Break");
        env.put("PREBREAK_RULES_0_LEAD", "15m");
        env.put("PREBREAK_RULES_0_PRESENCE", "Pre-Break");
        ConfiguredTicks ticks = ticks(env);

        ScheduledTicks first = ticks.get();
        clock.advance(Duration.ofHours(1));

        assertThat(ticks.get()).isSameAs(first);
        assertThat(built).singleElement().satisfies(c -> assertThat(c.rules()).hasSize(1));
        assertThat(ssm.reads()).isZero();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
