package dev.prebreak.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Genesys module cannot be validated with its provider here (it is not in the offline mirror), so
 * it is checked against the provider's schema as written down, with its source and version, in
 * deploy/terraform/modules/genesys/provider-schema.md: resource types, arguments (nested and dynamic
 * blocks included), required arguments, computed-only attributes, enumerated values, and attribute
 * references. The root's module calls are checked against the modules' variables and outputs.
 */
class GenesysModuleSchemaTest {
    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "lifecycle", "provider");
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.])(data\\.)?(genesyscloud_[a-z_]+)\\.([a-z0-9_]+)(?:\\[[^\\]]*\\])?\\.([a-z_]+)");

    /** One row of the schema table. */
    record Argument(String mode, String value, List<String> allowed) {
        boolean block() {
            return value.startsWith("block");
        }
    }

    /** type -> argument path -> argument, from the markdown table. */
    static Map<String, Map<String, Argument>> schema() {
        Map<String, Map<String, Argument>> schema = new LinkedHashMap<>();
        for (String line : Templates.terraformText("modules/genesys/provider-schema.md").split("\n")) {
            if (!line.startsWith("| genesyscloud_")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String type = cells[1].trim();
            String argument = cells[2].trim();
            String allowedText = cells[5].trim();
            List<String> allowed = allowedText.isEmpty() || allowedText.matches(".*\\d.*") ? List.of()
                    : List.of(allowedText.split(",\\s*"));
            schema.computeIfAbsent(type, t -> new LinkedHashMap<>())
                    .put(argument, new Argument(cells[3].trim(), cells[4].trim(), allowed));
        }
        return schema;
    }

    /** Every problem of the genesyscloud_* resources in {@code resources} (type -> name -> body). */
    static List<String> problems(Map<String, Object> resources, Map<String, Map<String, Argument>> schema) {
        List<String> problems = new ArrayList<>();
        resources.forEach((type, named) -> {
            if (!type.startsWith("genesyscloud_")) {
                return;
            }
            Map<String, Argument> arguments = schema.get(type);
            if (arguments == null) {
                problems.add(type + ": not a resource type of the schema table");
                return;
            }
            ((Map<?, ?>) named).forEach((name, body) ->
                    block(type + "." + name, "", (Map<?, ?>) body, arguments, problems, true));
        });
        return problems;
    }

    private static void block(String where, String prefix, Map<?, ?> body, Map<String, Argument> arguments,
                              List<String> problems, boolean top) {
        Map<String, Object> present = new LinkedHashMap<>();
        body.forEach((k, v) -> present.put(String.valueOf(k), v));
        Object dynamic = present.remove("dynamic");
        if (dynamic instanceof Map<?, ?> blocks) {
            blocks.forEach((blockName, spec) -> present.put(String.valueOf(blockName), ((Map<?, ?>) spec).get("content")));
        }
        for (Map.Entry<String, Object> e : present.entrySet()) {
            String key = e.getKey();
            if (top && META.contains(key)) {
                continue;
            }
            Argument argument = arguments.get(prefix + key);
            if (argument == null) {
                problems.add(where + ": " + prefix + key + " is not an argument of the provider's schema");
                continue;
            }
            if (argument.mode().equals("computed")) {
                problems.add(where + ": " + prefix + key + " is computed by the provider and cannot be set");
            }
            Object value = e.getValue();
            if (argument.block()) {
                List<?> instances = value instanceof List<?> list ? list : List.of(value);
                for (Object instance : instances) {
                    if (instance instanceof Map<?, ?> nested) {
                        block(where, prefix + key + ".", nested, arguments, problems, false);
                    } else {
                        problems.add(where + ": " + prefix + key + " is a block, not a value");
                    }
                }
            } else if (value instanceof Map<?, ?> && !argument.value().startsWith("map")) {
                problems.add(where + ": " + prefix + key + " is a value (" + argument.value() + "), not a block");
            } else if (value instanceof String text && !argument.allowed().isEmpty() && isLiteral(text)
                    && argument.allowed().stream().noneMatch(a -> a.equalsIgnoreCase(text))) {
                problems.add(where + ": " + prefix + key + " = \"" + text + "\" is not one of " + argument.allowed());
            }
        }
        arguments.forEach((path, argument) -> {
            boolean atThisLevel = path.startsWith(prefix) && !path.substring(prefix.length()).contains(".");
            if (atThisLevel && argument.mode().equals("required") && !present.containsKey(path.substring(prefix.length()))) {
                problems.add(where + ": required argument " + path + " is missing");
            }
        });
    }

    /** hcl4j gives references as their text ("var.x"); only a literal is compared with allowed values. */
    private static boolean isLiteral(String text) {
        return !text.contains(".") && !text.contains("${");
    }

    /** Every genesyscloud_* attribute referenced in {@code text} that the schema does not have. */
    static List<String> referenceProblems(String text, Map<String, Map<String, Argument>> schema) {
        List<String> problems = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            Map<String, Argument> arguments = schema.get(m.group(2));
            String attribute = m.group(4);
            if (arguments == null) {
                problems.add(m.group() + ": " + m.group(2) + " is not in the schema table");
            } else if (!attribute.equals("id") && !arguments.containsKey(attribute)) {
                problems.add(m.group() + ": " + m.group(2) + " has no attribute " + attribute);
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    @Test
    void every_genesys_resource_of_the_module_fits_the_provider_s_schema() {
        Map<String, Object> module = Templates.terraform("modules/genesys");
        Map<String, Object> resources = (Map<String, Object>) module.get("resource");

        assertThat(resources.keySet()).containsExactlyInAnyOrder("genesyscloud_organization_presence_definition",
                "genesyscloud_auth_role", "genesyscloud_oauth_client");
        assertThat(problems(resources, schema())).isEmpty();
        assertThat(module.get("data")).as("a data source would need its own rows in the table").isNull();
    }

    @Test
    void every_reference_to_a_genesys_attribute_exists() {
        StringBuilder text = new StringBuilder();
        for (String file : List.of("modules/genesys/main.tf", "modules/genesys/outputs.tf", "main.tf", "outputs.tf")) {
            text.append(Templates.terraformText(file)).append('\n');
        }
        Matcher m = REFERENCE.matcher(text);
        int references = 0;
        while (m.find()) {
            references++;
        }
        assertThat(references).as("the module refers to its resources").isGreaterThanOrEqualTo(4);
        assertThat(referenceProblems(text.toString(), schema())).isEmpty();
    }

    @Test
    void the_checker_catches_typos_missing_arguments_computed_attributes_and_bad_values() throws Exception {
        String hcl = """
                resource "genesyscloud_oauth_client" "typo" {
                  name                   = "x"
                  authorised_grant_type  = "CLIENT-CREDENTIALS"
                  client_id              = "set by hand"
                  roles {
                    role_id    = "r"
                    divison_id = "*"
                  }
                }
                resource "genesyscloud_organization_presence_definition" "p" {
                  language_labels = { en_US = "Pre-Break" }
                  system_presence = "Coffee"
                }
                resource "genesyscloud_auth_role" "r" {
                  name = "r"
                  dynamic "permission_policies" {
                    for_each = ["a:b:c"]
                    content {
                      domain     = "a"
                      entity     = "b"
                      action_set = ["c"]
                    }
                  }
                }
                resource "genesyscloud_routing_queue" "q" {
                  name = "q"
                }
                """;
        @SuppressWarnings("unchecked")
        Map<String, Object> resources = (Map<String, Object>) new HCLParser().parse(hcl).get("resource");

        List<String> problems = problems(resources, schema());

        assertThat(problems).containsExactlyInAnyOrder(
                "genesyscloud_oauth_client.typo: authorised_grant_type is not an argument of the provider's schema",
                "genesyscloud_oauth_client.typo: client_id is computed by the provider and cannot be set",
                "genesyscloud_oauth_client.typo: roles.divison_id is not an argument of the provider's schema",
                "genesyscloud_oauth_client.typo: required argument authorized_grant_type is missing",
                "genesyscloud_organization_presence_definition.p: system_presence = \"Coffee\" is not one of "
                        + "[Available, Away, Break, Busy, Meal, Meeting, Training, OnQueue, Offline, Idle]",
                "genesyscloud_auth_role.r: permission_policies.entity is not an argument of the provider's schema",
                "genesyscloud_auth_role.r: required argument permission_policies.entity_name is missing",
                "genesyscloud_routing_queue: not a resource type of the schema table");
        assertThat(referenceProblems("x = genesyscloud_oauth_client.prebreak[0].secret", schema()))
                .containsExactly("genesyscloud_oauth_client.prebreak[0].secret: genesyscloud_oauth_client has no attribute secret");
    }

    @Test
    void the_schema_table_cites_its_source_and_version() {
        String table = Templates.terraformText("modules/genesys/provider-schema.md");
        assertThat(table).contains("v1.84.1", "resource_genesyscloud_oauth_client_schema.go",
                "resource_genesyscloud_auth_role_schema.go", "resource_genesyscloud_organization_presence_definition_schema.go");
        assertThat(schema().keySet()).containsExactlyInAnyOrder("genesyscloud_oauth_client", "genesyscloud_auth_role",
                "genesyscloud_organization_presence_definition");
        assertThat(Templates.terraformText("modules/genesys/versions.tf")).containsPattern("version\\s*=\\s*\"~> 1\\.84\"");
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_root_passes_only_variables_the_modules_declare_and_reads_only_outputs_they_have() {
        Map<String, Object> root = Templates.terraform("");
        Map<String, Object> modules = (Map<String, Object>) root.get("module");
        assertThat(modules.keySet()).containsExactlyInAnyOrder("genesys", "aws");
        List<String> problems = new ArrayList<>();
        Set<String> rootText = new TreeSet<>();
        Matcher outputs = Pattern.compile("module\\.([a-z_]+)\\.([a-z_]+)")
                .matcher(Templates.terraformText("main.tf") + Templates.terraformText("outputs.tf"));
        while (outputs.find()) {
            rootText.add(outputs.group(1) + "." + outputs.group(2));
        }
        modules.forEach((name, body) -> {
            Map<String, Object> call = (Map<String, Object>) body;
            String source = String.valueOf(call.get("source"));
            Map<String, Object> module = Templates.terraform(source.substring(2));
            Map<String, Object> variables = (Map<String, Object>) module.get("variable");
            for (String argument : call.keySet()) {
                if (!argument.equals("source") && !META.contains(argument) && !variables.containsKey(argument)) {
                    problems.add("module." + name + ": " + argument + " is not a variable of " + source);
                }
            }
            variables.forEach((variable, spec) -> {
                if (!((Map<String, Object>) spec).containsKey("default") && !call.containsKey(variable)) {
                    problems.add("module." + name + ": required variable " + variable + " is not given");
                }
            });
            Map<String, Object> declared = (Map<String, Object>) module.get("output");
            rootText.stream().filter(r -> r.startsWith(name + ".")).map(r -> r.substring(name.length() + 1))
                    .filter(o -> !declared.containsKey(o))
                    .forEach(o -> problems.add("module." + name + "." + o + " is not an output of " + source));
        });
        assertThat(problems).isEmpty();
        assertThat(rootText).contains("genesys.oauth_client_id", "genesys.oauth_client_secret", "aws.schedule_state");
    }
}
