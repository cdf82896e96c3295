package dev.prebreak.aws.deploy;

import static dev.prebreak.aws.deploy.Templates.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.aws.TickHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.aws.config.ConfigParameter;
import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.sdk.AwsClients;
import dev.prebreak.aws.tick.LambdaWiring;
import dev.prebreak.aws.tick.TickRequest;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.config.StateSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SAM template, the Terraform (its AWS module) and the code must agree on what they share. */
class TemplateParityTest {
    private static final String SCHEDULE = "cron(* * * * ? *)";
    private static final String LOG_ACTIONS = "logs:";

    private final Map<String, Object> sam = Templates.sam();
    private final Map<String, Object> tf = Templates.terraform();

    private Object samFunction(String... keys) {
        List<String> full = new ArrayList<>(List.of("Resources", "TickFunction", "Properties"));
        full.addAll(List.of(keys));
        return path(sam, full.toArray(String[]::new));
    }

    private Object tfLocal(String name) {
        return path(tf, "locals", name);
    }

    private Object tfResource(String type, String name, String... keys) {
        List<String> full = new ArrayList<>(List.of("resource", type, name));
        full.addAll(List.of(keys));
        return path(tf, full.toArray(String[]::new));
    }

    @Test
    void the_handler_string_is_the_code_s() {
        assertThat(samFunction("Handler")).isEqualTo(TickHandler.HANDLER);
        assertThat(tfLocal("handler")).isEqualTo(TickHandler.HANDLER);
        assertThat(tfResource("aws_lambda_function", "tick", "handler")).isEqualTo(TickHandler.HANDLER); // hcl4j resolves locals
    }

    @Test
    void both_run_java21_on_arm64_with_snapstart_on_a_published_alias() {
        assertThat(samFunction("Runtime")).isEqualTo("java21");
        assertThat(tfLocal("runtime")).isEqualTo("java21");
        assertThat(samFunction("Architectures")).isEqualTo(List.of("arm64"));
        assertThat(tfResource("aws_lambda_function", "tick", "architectures")).isEqualTo(List.of("arm64"));
        assertThat(samFunction("SnapStart", "ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(tfResource("aws_lambda_function", "tick", "snap_start", "apply_on")).isEqualTo("PublishedVersions");
        assertThat(samFunction("AutoPublishAlias")).isEqualTo("live");
        assertThat(tfResource("aws_lambda_alias", "live", "name")).isEqualTo("live");
    }

    @Test
    void both_tick_at_the_start_of_every_minute_with_retries_and_a_dead_letter_queue() {
        Map<?, ?> event = (Map<?, ?>) samFunction("Events", "EveryMinute");
        assertThat(event.get("Type")).isEqualTo("ScheduleV2");
        Map<?, ?> props = (Map<?, ?>) event.get("Properties");
        assertThat(props.get("ScheduleExpression")).isEqualTo(SCHEDULE);
        assertThat(props.get("RetryPolicy")).isNotNull();
        assertThat(props.get("DeadLetterConfig")).isNotNull();

        assertThat(tfLocal("schedule")).isEqualTo(SCHEDULE);
        assertThat(tfResource("aws_scheduler_schedule", "tick", "schedule_expression")).isEqualTo(SCHEDULE);
        assertThat(tfResource("aws_scheduler_schedule", "tick", "target", "retry_policy")).isNotNull();
        assertThat(tfResource("aws_scheduler_schedule", "tick", "target", "dead_letter_config")).isNotNull();
    }

    @Test
    void the_terraform_schedules_one_business_unit_each_with_the_input_the_handler_reads() throws Exception {
        // hcl4j does not evaluate function calls (toset, jsonencode): check the source text instead.
        String aws = Templates.terraformText("modules/aws/main.tf");
        assertThat(aws).containsPattern("for_each\\s*=\\s*toset\\(var\\.business_unit_ids\\)");
        assertThat(aws).containsPattern("input\\s*=\\s*jsonencode\\(\\{\\s*" + TickRequest.BUSINESS_UNIT_IDS + "\\s*=\\s*\\[each\\.value\\]\\s*\\}\\)");
        assertThat(TickRequest.parse(("{\"" + TickRequest.BUSINESS_UNIT_IDS + "\":[\"bu-1\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .businessUnitIds()).containsExactly("bu-1");
    }

    @Test
    void both_set_the_same_prebreak_variables() {
        assertThat(prebreakVariables(samVariables())).isEqualTo(prebreakVariables(tfVariables()));
    }

    @Test
    void the_sam_template_s_variables_and_parameter_are_a_configuration_the_lambda_accepts_with_several_rules() {
        Map<String, String> environment = new LinkedHashMap<>();
        samVariables().forEach((name, value) -> {
            if (name.startsWith("PREBREAK_")) {
                environment.put(name, sample(name, value));
            }
        });
        assertThat(environment.get(ConfigLoader.CONFIG_FILE_VARIABLE)).startsWith(ConfigParameter.PREFIX);
        String yaml = sample("ConfigParameter", path(sam, "Resources", "ConfigParameter", "Properties", "Value"));

        // throws on any unknown or invalid setting, exactly as for a file
        Config config = LambdaWiring.lambdaConfig(environment, yaml, "SAM ConfigParameter");

        assertThat(config.state().store()).isEqualTo(StateSettings.Store.DYNAMODB);
        assertThat(config.rules()).extracting(r -> r.name()).containsExactly("breaks", "meals");
        assertThat(config.rules().get(0).lead()).as("breaks and meals can have different leads")
                .isNotEqualTo(config.rules().get(1).lead());
        assertThat(config.dryRun()).as("the templates start with a dry run").isTrue();
    }

    @Test
    void the_terraform_variables_and_each_shipped_configuration_are_a_configuration_the_lambda_accepts() {
        Map<String, String> environment = new LinkedHashMap<>();
        tfVariables().forEach((name, value) -> {
            if (name.startsWith("PREBREAK_")) {
                environment.put(name, name.equals(ConfigLoader.CONFIG_FILE_VARIABLE) ? "ssm:/prebreak/config" : tfSample(name));
            }
        });
        assertThat(Templates.terraformText("modules/aws/main.tf"))
                .containsPattern("PREBREAK_CONFIG\\s*=\\s*\"ssm:\\$\\{aws_ssm_parameter\\.config\\.name\\}\"")
                .containsPattern("insecure_value\\s*=\\s*var\\.config_yaml");
        // The root renders its template with the presence the Genesys module made; the example names it.
        String root = Templates.terraformText("prebreak.yaml.tftpl").replace("${pre_break_presence_id}", "5c0e7a3b-91d4-4f2a-b6e8-3a7d9c1f0e52");
        assertThat(Templates.terraformText("main.tf")).contains("templatefile(\"${path.module}/prebreak.yaml.tftpl\"");
        String example = Templates.terraformText("examples/existing-oauth-client/prebreak.yaml");

        for (String yaml : List.of(root, example)) {
            Config config = LambdaWiring.lambdaConfig(environment, yaml, "config_yaml");
            assertThat(config.state().store()).isEqualTo(StateSettings.Store.DYNAMODB);
            assertThat(config.rules()).extracting(r -> r.name()).containsExactly("breaks", "meals");
            assertThat(config.rules().get(0).lead()).isNotEqualTo(config.rules().get(1).lead());
            assertThat(config.dryRun()).as("the templates start with a dry run").isTrue();
        }
    }

    /** A value for a variable of the Terraform environment as the apply would resolve it. */
    private static String tfSample(String variable) {
        return switch (variable) {
            case "PREBREAK_GENESYS_REGION" -> "us_east_1";
            case "PREBREAK_GENESYS_CREDENTIALS" -> "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prebreak/genesys-AbCdEf";
            case "PREBREAK_SCOPE_BUSINESS_UNITS" -> "00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002";
            case "PREBREAK_STATE_STORE" -> "dynamodb";
            case "PREBREAK_STATE_TABLE" -> "prebreak-state";
            default -> throw new AssertionError("the Terraform sets " + variable + ": give this test a sample of it");
        };
    }

    @Test
    void no_template_sets_in_its_environment_what_the_configuration_parameter_holds() {
        // A variable overrides the parameter: rules or dryRun there would make the kill switch and
        // per-rule leads in the parameter silently ineffective.
        for (Set<String> variables : List.of(prebreakVariables(samVariables()), prebreakVariables(tfVariables()))) {
            assertThat(variables).noneMatch(v -> v.startsWith("PREBREAK_RULES_") || v.equals("PREBREAK_DRY_RUN")
                    || v.equals("PREBREAK_MAX_CHANGES_PER_TICK") || v.equals("PREBREAK_TICK"));
        }
    }

    @Test
    void sam_names_its_schedule_after_the_stack_so_that_two_stacks_can_live_in_one_region() {
        Map<?, ?> props = (Map<?, ?>) samFunction("Events", "EveryMinute", "Properties");
        assertThat(props.get("Name")).as("without a Name every stack's schedule is TickFunctionEveryMinute")
                .isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-tick"));
        assertThat(samFunction("FunctionName")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-tick"));
    }

    @Test
    void the_schedules_run_only_once_the_secret_holds_credentials_and_while_enabled() {
        // SAM: the schedule's state follows a condition on both switches, and the secret starts as a placeholder.
        Map<?, ?> props = (Map<?, ?>) samFunction("Events", "EveryMinute", "Properties");
        assertThat(props.get("State")).isEqualTo(Map.of("Fn::If", List.of("TicksRun", "ENABLED", "DISABLED")));
        assertThat(path(sam, "Conditions", "TicksRun")).isEqualTo(Map.of("Fn::And", List.of(
                Map.of("Fn::Equals", List.of(Map.of("Ref", "Enabled"), "true")),
                Map.of("Fn::Equals", List.of(Map.of("Ref", "CredentialsReady"), "true")))));
        assertThat(path(sam, "Parameters", "CredentialsReady", "Default")).isEqualTo("false");
        assertThat(path(sam, "Parameters", "Enabled", "Default")).isEqualTo("true");

        // Terraform: the same switches (hcl4j does not evaluate conditionals: the text is checked, the
        // plans of deploy/check.sh check the outcome), and the schedules are created after the secret's
        // value, the scheduler's permission and the failed-tick destination.
        String aws = Templates.terraformText("modules/aws/main.tf");
        assertThat(aws).containsPattern("credentials_in_place\\s*=\\s*var\\.write_credentials \\|\\| var\\.credentials_ready")
                .containsPattern("schedule_state\\s*=\\s*var\\.enabled && local\\.credentials_in_place \\? \"ENABLED\" : \"DISABLED\"")
                .containsPattern("state\\s*=\\s*local\\.schedule_state");
        assertThat(strings(tfResource("aws_scheduler_schedule", "tick", "depends_on"))).contains(
                "aws_secretsmanager_secret_version.genesys", "aws_iam_role_policy.scheduler", "aws_lambda_function_event_invoke_config.tick");
        assertThat(path(tf, "variable", "credentials_ready", "default")).isEqualTo(false);
        assertThat(path(tf, "variable", "write_credentials", "default")).isEqualTo(false);
        assertThat(path(tf, "variable", "enabled", "default")).isEqualTo(true);
    }

    @Test
    void the_terraform_alias_can_be_pinned_to_an_earlier_version() {
        assertThat(Templates.terraformText("modules/aws/main.tf")).containsPattern(
                "function_version\\s*=\\s*var\\.live_version == null \\? aws_lambda_function\\.tick\\.version : var\\.live_version");
        assertThat(tfResource("aws_lambda_function", "tick", "publish")).as("old versions stay to roll back to").isEqualTo(true);
    }

    @Test
    void the_roles_grant_exactly_the_actions_the_code_performs() {
        Set<String> code = new TreeSet<>(AwsClients.IAM_ACTIONS);

        Set<String> samActions = new TreeSet<>();
        for (Object statement : (List<?>) path(sam, "Resources", "TickFunctionRole", "Properties", "Policies")) {
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) statement).get("PolicyDocument");
            for (Object s : (List<?>) document.get("Statement")) {
                samActions.addAll(strings(((Map<?, ?>) s).get("Action")));
            }
        }
        Set<String> tfActions = new TreeSet<>();
        for (Object s : (List<?>) path(tf, "data", "aws_iam_policy_document", "tick", "statement")) {
            tfActions.addAll(strings(((Map<?, ?>) s).get("actions")));
        }

        // Besides its own logs, the role lets Lambda put a failed tick in the dead-letter queue.
        Set<String> platform = Set.of("sqs:SendMessage");
        assertThat(withoutLogs(samActions)).isEqualTo(union(code, platform));
        assertThat(withoutLogs(tfActions)).isEqualTo(union(code, platform));
        assertThat(samActions).isEqualTo(tfActions);
        assertThat(samActions).noneMatch(a -> a.contains("*"));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void a_failed_tick_is_retried_once_by_lambda_then_goes_to_the_dead_letter_queue() {
        Map<?, ?> invoke = (Map<?, ?>) path(sam, "Resources", "TickFunction", "Properties", "EventInvokeConfig");
        assertThat(invoke.get("MaximumRetryAttempts")).isEqualTo(1);
        assertThat(invoke.get("MaximumEventAgeInSeconds")).isEqualTo(120);
        Map<?, ?> tfInvoke = (Map<?, ?>) path(tf, "resource", "aws_lambda_function_event_invoke_config", "tick");
        assertThat(((Number) tfInvoke.get("maximum_retry_attempts")).intValue()).isEqualTo(1); // HCL numbers are doubles
        assertThat(((Number) tfInvoke.get("maximum_event_age_in_seconds")).intValue()).isEqualTo(120);
    }

    @Test
    void the_table_has_the_keys_and_ttl_the_store_writes() {
        Map<?, ?> table = (Map<?, ?>) path(sam, "Resources", "StateTable", "Properties");
        assertThat(path(castMap(table), "TimeToLiveSpecification", "AttributeName")).isEqualTo("expiresAt");
        assertThat(path(castMap(table), "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(tfResource("aws_dynamodb_table", "state", "hash_key")).isEqualTo("pk");
        assertThat(tfResource("aws_dynamodb_table", "state", "range_key")).isEqualTo("sk");
        assertThat(tfResource("aws_dynamodb_table", "state", "ttl", "attribute_name")).isEqualTo("expiresAt");
        assertThat(tfResource("aws_dynamodb_table", "state", "point_in_time_recovery", "enabled")).isEqualTo(true);
    }

    @Test
    void the_genesys_module_makes_a_client_credentials_client_and_a_presence_under_break() {
        Map<String, Object> genesys = Templates.terraform("modules/genesys");
        assertThat(path(genesys, "resource", "genesyscloud_oauth_client", "prebreak", "authorized_grant_type")).isEqualTo("CLIENT-CREDENTIALS");
        assertThat(path(genesys, "resource", "genesyscloud_organization_presence_definition", "pre_break", "system_presence")).isEqualTo("Break");
        assertThat(path(genesys, "variable", "division_ids", "default")).as("all divisions by default").isEqualTo(List.of("*"));
        assertThat(path(genesys, "variable", "create_oauth_client", "default"))
                .as("the first apply must not create the client: Terraform's client does not hold the role yet").isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> samVariables() {
        return (Map<String, Object>) samFunction("Environment", "Variables");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tfVariables() {
        return (Map<String, Object>) tfLocal("environment");
    }

    private static Set<String> prebreakVariables(Map<String, Object> variables) {
        return variables.keySet().stream().filter(k -> k.startsWith("PREBREAK_")).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A value for a variable as CloudFormation would resolve it: a literal stays, a parameter takes its
     * default (or a sample where it has none), a resource reference its kind of name.
     */
    private String sample(String variable, Object value) {
        if (value instanceof String text) {
            return text;
        }
        Map<?, ?> intrinsic = (Map<?, ?>) value;
        if (intrinsic.containsKey("Fn::Sub")) {
            String text = String.valueOf(intrinsic.get("Fn::Sub"))
                    .replace("${CredentialsSecret}", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prebreak-AbCdEf")
                    .replace("${ConfigParameter}", "CFN-ConfigParameter-AbCdEf012345");
            Map<?, ?> parameters = (Map<?, ?>) sam.get("Parameters");
            for (Map.Entry<?, ?> p : parameters.entrySet()) {
                Object fallback = ((Map<?, ?>) p.getValue()).get("Default");
                if (fallback != null) {
                    text = text.replace("${" + p.getKey() + "}", String.valueOf(fallback));
                }
            }
            assertThat(text).as("%s: every ${...} resolved", variable).doesNotContain("${");
            return text;
        }
        String ref = String.valueOf(intrinsic.get("Ref"));
        Map<?, ?> parameter = (Map<?, ?>) ((Map<?, ?>) sam.get("Parameters")).get(ref);
        if (parameter != null) {
            Object fallback = parameter.get("Default");
            return fallback == null ? "00000000-0000-0000-0000-000000000001" : String.valueOf(fallback);
        }
        assertThat(ref).as("%s refers to a resource", variable).isEqualTo("StateTable");
        return "prebreak-StateTable-1ABCDEF";
    }

    private static Set<String> withoutLogs(Set<String> actions) {
        return actions.stream().filter(a -> !a.startsWith(LOG_ACTIONS)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The metric names a dashboard's SEARCH expressions graph, as written in its source. */
    private static Set<String> searchedMetrics(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("MetricName=\\\\?\"(\\w+)\\\\?\"").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The {namespace,dimensions} schemas of a dashboard's SEARCH expressions. */
    private static Set<String> searchSchemas(String source) {
        Set<String> schemas = new TreeSet<>();
        Matcher m = Pattern.compile("SEARCH\\('(\\{[^}]*\\})").matcher(source);
        while (m.find()) {
            schemas.add(m.group(1));
        }
        return schemas;
    }

    private String samDashboard() {
        return (String) path(sam, "Resources", "Dashboard", "Properties", "DashboardBody", "Fn::Sub");
    }

    @Test
    void the_dashboards_graph_only_metrics_the_lambda_emits_with_the_dimensions_it_gives_them() throws Exception {
        String samBody = samDashboard();
        String tfBody = Templates.terraformText("modules/aws/dashboard.tf");
        Set<String> samNames = searchedMetrics(samBody);
        Set<String> tfNames = searchedMetrics(tfBody);

        assertThat(samNames).as("ticks, failures, changes, API calls and 429s, duration")
                .contains("TickDuration", "TickFailed", "PreBreakApplied", "RevertApplied", "ApiCalls", "RateLimited", "WriteFailures");
        assertThat(TickMetrics.names()).as("every graphed metric is one the code writes").containsAll(samNames);
        assertThat(tfNames).as("both dashboards graph the same metrics").isEqualTo(samNames);

        String namespace = (String) ((Map<?, ?>) samFunction("Environment", "Variables")).get("POWERTOOLS_METRICS_NAMESPACE");
        String schema = "{" + namespace + "," + TickMetrics.BUSINESS_UNIT + ",Service}";
        assertThat(searchSchemas(samBody)).containsExactly(schema);
        assertThat(tfVariables().get("POWERTOOLS_METRICS_NAMESPACE")).isEqualTo(namespace);
        assertThat(tfBody).containsPattern("metrics_namespace\\s*=\\s*\"" + namespace + "\"")
                .containsPattern("per_unit\\s*=\\s*\"\\{\\$\\{local\\.metrics_namespace\\}," + TickMetrics.BUSINESS_UNIT + ",Service\\}\"");
    }

    @Test
    void the_sam_dashboard_is_json_and_both_dashboards_have_the_same_graphs() throws Exception {
        // What CloudFormation makes of the !Sub: its two references filled in, ${!...} left as ${...}.
        String body = samDashboard().replace("${AWS::Region}", "eu-west-1").replace("${TickFunction}", "prebreak-tick")
                .replace("${!", "${");
        JsonNode widgets = new ObjectMapper().readTree(body).get("widgets");
        Set<String> samTitles = new TreeSet<>();
        widgets.forEach(w -> samTitles.add(w.get("properties").get("title").asText()));

        Set<String> tfTitles = new TreeSet<>();
        Matcher m = Pattern.compile("title = \"([^\"]*)\"").matcher(Templates.terraformText("modules/aws/dashboard.tf"));
        while (m.find()) {
            tfTitles.add(m.group(1));
        }
        assertThat(samTitles).hasSize(widgets.size()).isEqualTo(tfTitles);
        widgets.forEach(w -> {
            assertThat(w.get("properties").get("region").asText()).isEqualTo("eu-west-1");
            assertThat(w.get("properties").get("metrics")).as("graph %s", w.get("properties").get("title")).isNotEmpty();
        });
        assertThat(body).contains("[\"AWS/Lambda\", \"Errors\", \"FunctionName\", \"prebreak-tick\"");
    }
}
