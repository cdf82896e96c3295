package dev.prebreak.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One list of Genesys permissions for prebreak's OAuth client: what the client's calls need (read from
 * genesys/src/main/java), what the Terraform role grants, and what the README and the deployment
 * guide tell an admin to grant.
 */
class GenesysPermissionsTest {
    /**
     * The calls prebreak makes, keyed by the path literal the client code writes, with the permissions
     * Genesys accepts for each (any one of them suffices; none listed: no permission needed). Source: the
     * "Requires ANY/ALL permissions" line of each operation in the generated docs of
     * MyPureCloud/platform-client-sdk-python 257.1.0 (build/docs/WorkforceManagementApi.md, UsersApi.md,
     * PresenceApi.md); the WFM lists are long, so only the entries relevant here are kept.
     */
    private static final Map<String, Map<String, Set<String>>> CALLS = new LinkedHashMap<>();

    static {
        Set<String> wfmRead = Set.of("wfm:publishedSchedule:view", "wfm:schedule:view", "wfm:agent:view");
        CALLS.put("/api/v2/workforcemanagement/businessunits/", Map.of(
                "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}", wfmRead,
                "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}/managementunits", Set.of(),
                "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}/activitycodes", wfmRead,
                "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search",
                Set.of("wfm:publishedSchedule:view", "wfm:schedule:view")));
        CALLS.put("/api/v2/workforcemanagement/managementunits/", Map.of(
                "GET /api/v2/workforcemanagement/managementunits/{managementUnitId}", wfmRead,
                "GET /api/v2/workforcemanagement/managementunits/{managementUnitId}/users", wfmRead));
        CALLS.put("/api/v2/users?pageSize=", Map.of("GET /api/v2/users", Set.of()));
        CALLS.put("/api/v2/users/presences/bulk", Map.of("PUT /api/v2/users/presences/bulk", Set.of("presence:userPresence:edit")));
        // Read back after a bulk write whose answer does not say whose presences it holds.
        CALLS.put("/api/v2/users/presences/purecloud/bulk", Map.of("GET /api/v2/users/presences/purecloud/bulk", Set.of()));
        CALLS.put("/api/v2/presence/definitions?localeCode=ALL", Map.of("GET /api/v2/presence/definitions",
                Set.of("presence:presenceDefinition:view")));
    }

    /** The path pieces appended to a literal above (the operations listed under it). */
    private static final Set<String> SUFFIXES = Set.of("/managementunits", "/activitycodes", "/agentschedules/search", "/users");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PERMISSION = Pattern.compile("`([a-z]+:[a-zA-Z]+:[a-zA-Z]+)`");

    /** The string literals of the Genesys client's main code that are API paths or pieces of one. */
    private static Set<String> pathLiterals() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Templates.root().resolve("genesys/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readAllLines(file).stream().filter(l -> !l.trim().startsWith("*") && !l.trim().startsWith("//"))
                        .reduce("", (a, b) -> a + "\n" + b);
                Matcher m = LITERAL.matcher(code);
                while (m.find()) {
                    String text = m.group(1);
                    if (text.startsWith("/api/") || text.matches("/[a-z]+(/[a-z]+)*")) {
                        literals.add(text);
                    }
                }
            }
        }
        return literals;
    }

    /** The permissions the Genesys module's role grants. */
    @SuppressWarnings("unchecked")
    private static Set<String> granted() {
        return new TreeSet<>((List<String>) Templates.path(Templates.terraform("modules/genesys"), "locals", "permissions"));
    }

    @Test
    void every_call_the_client_makes_is_known_and_allowed_by_the_role() throws IOException {
        Set<String> literals = pathLiterals();
        assertThat(literals).as("the scan finds the client's calls").contains("/api/v2/users/presences/bulk");

        Set<String> unknown = new TreeSet<>(literals);
        unknown.removeAll(CALLS.keySet());
        unknown.removeAll(SUFFIXES);
        assertThat(unknown).as("a new call: add it with the permissions Genesys requires for it to CALLS, and grant them").isEmpty();

        Set<String> granted = granted();
        List<String> refused = new ArrayList<>();
        CALLS.forEach((literal, operations) -> operations.forEach((operation, accepted) -> {
            if (!accepted.isEmpty() && accepted.stream().noneMatch(granted::contains)) {
                refused.add(operation + " needs one of " + accepted);
            }
        }));
        assertThat(refused).isEmpty();
    }

    @Test
    void the_role_grants_nothing_the_calls_do_not_need() {
        Set<String> granted = granted();
        assertThat(granted).containsExactlyInAnyOrder("wfm:publishedSchedule:view", "presence:presenceDefinition:view",
                "presence:userPresence:edit");
        assertThat(granted).as("the list prebreak doctor checks, dev.prebreak.genesys.Permission.ALL")
                .isEqualTo(new TreeSet<>(dev.prebreak.genesys.Permission.ALL.stream().map(dev.prebreak.genesys.Permission::name).toList()));
        for (String permission : granted) {
            Set<String> without = new TreeSet<>(granted);
            without.remove(permission);
            boolean needed = CALLS.values().stream().flatMap(o -> o.values().stream())
                    .anyMatch(accepted -> !accepted.isEmpty() && accepted.stream().noneMatch(without::contains));
            assertThat(needed).as("%s is needed by some call", permission).isTrue();
        }
    }

    @Test
    void the_readme_and_the_deployment_guide_list_exactly_the_role_s_permissions() throws IOException {
        for (String doc : List.of("README.md", "docs/deploy.md")) {
            String text = Files.readString(Templates.root().resolve(doc));
            List<String> paragraphs = Stream.of(text.split("\n\\s*\n")).map(p -> p.replaceAll("\\s+", " "))
                    .filter(p -> p.contains("exactly these permissions")).toList();
            assertThat(paragraphs).as("%s: one paragraph says \"exactly these permissions\"", doc).hasSize(1);
            Set<String> listed = new TreeSet<>();
            Matcher m = PERMISSION.matcher(paragraphs.get(0));
            while (m.find()) {
                listed.add(m.group(1));
            }
            assertThat(listed).as(doc).isEqualTo(granted());
        }
    }
}
