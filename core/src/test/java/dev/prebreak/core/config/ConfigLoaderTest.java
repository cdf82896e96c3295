package dev.prebreak.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.schedule.ActivityCategory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    static final String MINIMAL = String.join("\n",
            "genesys:",
            "  region: eu_central_1",
            "  clientId: abc",
            "  clientSecret: env:GENESYS_CLIENT_SECRET",
            "scope:",
            "  businessUnits: [bu-1]",
            "rules:",
            "  - name: breaks",
            "    categories: [Break, Meal]",
            "    presence: Pre-Break",
            "");

    static Config parse(String yaml) {
        return new ConfigLoader(Map.of()).parse(yaml, "test.yaml");
    }

    static List<String> problems(String yaml, Map<String, String> env) {
        try {
            new ConfigLoader(env).parse(yaml, "test.yaml");
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected the configuration to be rejected");
    }

    static List<String> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    @Test
    void appliesDefaultsToAMinimalFile() {
        Config config = parse(MINIMAL);
        assertThat(config.genesys().region().apiBase()).hasToString("https://api.mypurecloud.de");
        assertThat(config.genesys().region().tokenUri()).hasToString("https://login.mypurecloud.de/oauth/token");
        assertThat(config.genesys().clientSecret()).contains(new SecretRef(SecretRef.Source.ENV, "GENESYS_CLIENT_SECRET"));
        assertThat(config.tick()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.dryRun()).isFalse();
        assertThat(config.maxChangesPerTick()).isEqualTo(5000);
        assertThat(config.state().store()).isEqualTo(StateSettings.Store.MEMORY);
        RuleSettings rule = config.rules().get(0);
        assertThat(rule.lead()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.categories()).containsExactlyInAnyOrder(ActivityCategory.BREAK, ActivityCategory.MEAL);
        assertThat(rule.eligibleRoutingStatuses()).containsExactlyInAnyOrder(RoutingStatus.IDLE, RoutingStatus.INTERACTING);
        assertThat(rule.revertWhenCancelled()).isTrue();
        assertThat(rule.atStartPresence()).isEmpty();
    }

    @Test
    void readsTheShippedExample() {
        Config config = new ConfigLoader(Map.of()).load(Path.of("..", "examples", "prebreak.yaml"));
        assertThat(config.rules()).hasSize(1);
        assertThat(config.state().store()).isEqualTo(StateSettings.Store.FILE);
    }

    @Test
    void acceptsLeadsInMinutesOrIso() {
        assertThat(parse(MINIMAL + "    lead: 10\n").rules().get(0).lead()).isEqualTo(Duration.ofMinutes(10));
        assertThat(parse(MINIMAL + "    lead: PT90S\n").rules().get(0).lead()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse(MINIMAL + "    lead: 2h\n").rules().get(0).lead()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void namesTheKeyAndTheValueOfABadLead() {
        assertThat(problems(MINIMAL + "    lead: PT0S\n"))
                .containsExactly("rules[0].lead: must be between 1 minute and 2 hours, got PT0S");
        assertThat(problems(MINIMAL + "    lead: soon\n")).singleElement().asString()
                .startsWith("rules[0].lead: is not a duration: 'soon'");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = String.join("\n",
                "genesys:",
                "  region: mars_north_1",
                "  clientSecert: env:X",
                "scope: {}",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Nap]",
                "    lead: 500",
                "    presence: Pre-Break",
                "    eligibleRoutingStatuses: [IDLE, ASLEEP]",
                "  - name: breaks",
                "    presence: Pre-Break",
                "tick: 5s",
                "maxChangesPerTick: 0",
                "state:",
                "  store: redis",
                "");
        assertThat(problems(yaml)).containsExactlyInAnyOrder(
                "genesys.clientSecert: unknown key (did you mean clientSecret?); known keys here: region, clientId, clientSecret, credentials",
                "genesys.region: unknown region 'mars_north_1'; use one of us_east_1, eu_west_1, ap_southeast_2, ap_northeast_1, eu_central_1, us_west_2, ca_central_1, ap_northeast_2, eu_west_2, ap_south_1, us_east_2, sa_east_1, me_central_1, ap_northeast_3, eu_central_2, mx_central_1, ap_southeast_1, eusc_de_east_1 or a base URL such as https://api.mypurecloud.com",
                "genesys.clientId: is required (the OAuth client id), unless genesys.credentials names a secret holding it",
                "genesys.clientSecret: is required: a reference such as env:GENESYS_CLIENT_SECRET",
                "scope: names no business unit and no management unit; give at least one id",
                "tick: must be between PT10S and PT15M, got PT5S",
                "rules[0].categories: unknown category 'Nap'; known: OnQueueWork, Break, Meal, Meeting, OffQueueWork, TimeOff, Training, Unavailable, Unscheduled",
                "rules[0].lead: must be between 1 minute and 2 hours, got PT8H20M",
                "rules[0].eligibleRoutingStatuses: unknown routing status 'ASLEEP'; known: OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING, COMMUNICATING",
                "rules[1].categories: give categories (such as Break, Meal) and/or activityCodes (ids or names)",
                "maxChangesPerTick: must be between 1 and 100000, got 0",
                "state.store: must be one of memory, file, dynamodb, got 'redis'");
    }

    @Test
    void rejectsDuplicateRuleNames() {
        String yaml = MINIMAL + "  - name: breaks\n    categories: [Meeting]\n    presence: Pre-Break\n";
        assertThat(problems(yaml)).containsExactly(
                "rules[1].name: 'breaks' is used by an earlier rule; rule names must be unique (the state store keys on them)");
    }

    @Test
    void neverEchoesAnInlineSecret() {
        String yaml = MINIMAL.replace("env:GENESYS_CLIENT_SECRET", "s3cr3t-Value-42");
        List<String> problems = problems(yaml);
        assertThat(problems).singleElement().asString()
                .startsWith("genesys.clientSecret: must be a reference such as env:GENESYS_CLIENT_SECRET")
                .doesNotContain("s3cr3t-Value-42");
        try {
            parse(yaml);
        } catch (InvalidConfigException e) {
            assertThat(e.getMessage()).doesNotContain("s3cr3t-Value-42");
        }
    }

    @Test
    void allowsPlainHttpOnlyOnLoopback() {
        assertThat(parse(MINIMAL.replace("eu_central_1", "http://127.0.0.1:8089")).genesys().region().tokenUri())
                .hasToString("http://127.0.0.1:8089/oauth/token");
        assertThat(problems(MINIMAL.replace("eu_central_1", "http://api.example.com"))).singleElement().asString()
                .isEqualTo("genesys.region: must use https unless the host is loopback (127.0.0.1, localhost, ::1), got http://api.example.com");
        assertThat(parse(MINIMAL.replace("eu_central_1", "https://api.mypurecloud.com.au")).genesys().region().loginBase())
                .hasToString("https://login.mypurecloud.com.au");
        assertThat(parse(MINIMAL.replace("eu_central_1", "us-east-1")).genesys().region().apiBase())
                .hasToString("https://api.mypurecloud.com");
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        Map<String, String> env = Map.of(
                "PREBREAK_GENESYS_REGION", "ap_southeast_2",
                "PREBREAK_RULES_0_LEAD", "PT5M",
                "PREBREAK_RULES_0_ELIGIBLE_ROUTING_STATUSES", "IDLE",
                "PREBREAK_SCOPE_MANAGEMENT_UNITS", "mu-1, mu-2",
                "PREBREAK_DRY_RUN", "true",
                "PREBREAK_MAX_CHANGES_PER_TICK", "25",
                "PREBREAK_CONFIG", "/etc/prebreak.yaml",
                "PATH", "/usr/bin");
        Config config = new ConfigLoader(env).parse(MINIMAL, "test.yaml");
        assertThat(config.genesys().region().name()).isEqualTo("ap_southeast_2");
        assertThat(config.rules().get(0).lead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.rules().get(0).eligibleRoutingStatuses()).containsExactly(RoutingStatus.IDLE);
        assertThat(config.scope().managementUnits()).containsExactly("mu-1", "mu-2");
        assertThat(config.scope().businessUnits()).containsExactly("bu-1");
        assertThat(config.dryRun()).isTrue();
        assertThat(config.maxChangesPerTick()).isEqualTo(25);
    }

    @Test
    void buildsAWholeConfigurationFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "PREBREAK_GENESYS_REGION", "us_west_2",
                "PREBREAK_GENESYS_CREDENTIALS", "secretsmanager:prebreak/genesys",
                "PREBREAK_SCOPE_BUSINESS_UNITS", "bu-1",
                "PREBREAK_RULES_0_NAME", "breaks",
                "PREBREAK_RULES_0_CATEGORIES", "Break,Meal",
                "PREBREAK_RULES_0_PRESENCE", "Pre-Break",
                "PREBREAK_RULES_0_AT_START_PRESENCE", "Break",
                "PREBREAK_STATE_STORE", "dynamodb",
                "PREBREAK_STATE_TABLE", "prebreak-prod");
        Config config = new ConfigLoader(env).fromEnvironment();
        assertThat(config.genesys().credentials()).contains(new SecretRef(SecretRef.Source.SECRETSMANAGER, "prebreak/genesys"));
        assertThat(config.genesys().clientId()).isEmpty();
        assertThat(config.rules().get(0).atStartPresence()).contains("Break");
        assertThat(config.state()).isEqualTo(new StateSettings(StateSettings.Store.DYNAMODB, null, "prebreak-prod"));
    }

    @Test
    void namesTheVariableBehindABadValueAndRejectsUnknownVariables() {
        Map<String, String> env = Map.of("PREBREAK_RULES_0_LEAD", "0", "PREBREAK_DRYRUN", "true", "PREBREAK_RULES_2_NAME", "x");
        assertThat(problems(MINIMAL, env)).containsExactlyInAnyOrder(
                "rules[0].lead (from PREBREAK_RULES_0_LEAD): must be between 1 minute and 2 hours, got PT0S",
                "PREBREAK_DRYRUN: unknown setting (did you mean PREBREAK_DRY_RUN?); known variables: PREBREAK_TICK, PREBREAK_DRY_RUN, PREBREAK_MAX_CHANGES_PER_TICK, PREBREAK_MAX_CLOCK_SKEW, PREBREAK_GENESYS_REGION, PREBREAK_GENESYS_CLIENT_ID, PREBREAK_GENESYS_CLIENT_SECRET, PREBREAK_GENESYS_CREDENTIALS, PREBREAK_SCOPE_BUSINESS_UNITS, PREBREAK_SCOPE_MANAGEMENT_UNITS, PREBREAK_STATE_STORE, PREBREAK_STATE_FILE, PREBREAK_STATE_TABLE, PREBREAK_RULES_<n>_<KEY>",
                "PREBREAK_RULES_2_NAME: sets rules[2] but rules[1] does not exist; number rules from 0 without gaps");
    }

    @Test
    void rejectsALeadShorterThanTheTick() {
        assertThat(problems(MINIMAL + "    lead: 2\ntick: PT5M\n"))
                .containsExactly("rules[0].lead: must be at least one tick (PT5M) or activities could start unseen, got PT2M");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() {
        assertThat(problems("genesys:\n  region: [us_east_1\n")).singleElement().asString()
                .startsWith("(file): test.yaml is not valid YAML at line");
        assertThat(problems(MINIMAL + "tick: 60\ntick: 90\n")).singleElement().asString().contains("duplicate key tick");
    }

    @Test
    void resolvesPresencesAgainstTheOrg() {
        RuleSettings settings = parse(MINIMAL).rules().get(0);
        var rule = settings.resolve(dev.prebreak.core.testing.SampleOrg.PRESENCES, 0);
        assertThat(rule.presence()).isEqualTo(dev.prebreak.core.testing.SampleOrg.PRE_BREAK);

        RuleSettings typo = new RuleSettings("breaks", settings.categories(), settings.activityCodes(), settings.lead(),
                "Pre-Brake", settings.eligibleRoutingStatuses(), Optional.of("On Queue"), true, Duration.ZERO);
        assertThatThrownBy(() -> typo.resolve(dev.prebreak.core.testing.SampleOrg.PRESENCES, 3))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("rules[3].presence: no active presence named or with id 'Pre-Brake' in the org; active presences: Available, Break, Meal, On Queue, Pre-Break");

        RuleSettings deactivated = new RuleSettings("breaks", settings.categories(), settings.activityCodes(), settings.lead(),
                "Old Pre-Break", settings.eligibleRoutingStatuses(), Optional.empty(), true, Duration.ZERO);
        assertThatThrownBy(() -> deactivated.resolve(dev.prebreak.core.testing.SampleOrg.PRESENCES, 0))
                .hasMessageContaining("no active presence named or with id 'Old Pre-Break'");

        RuleSettings onQueue = new RuleSettings("breaks", settings.categories(), settings.activityCodes(), settings.lead(),
                "On Queue", settings.eligibleRoutingStatuses(), Optional.empty(), true, Duration.ZERO);
        assertThatThrownBy(() -> onQueue.resolve(dev.prebreak.core.testing.SampleOrg.PRESENCES, 0))
                .hasMessageContaining("must take agents off queue");
    }
}
