package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.AVAILABLE;
import static dev.prebreak.cli.e2e.SimulatedOrg.PRE_BREAK;
import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.cli.Main;
import dev.prebreak.core.state.ActivityKey;
import dev.prebreak.core.state.ActivityRecord;
import dev.prebreak.core.state.FileStateStore;
import dev.prebreak.core.state.RecordStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code prebreak} command itself, as a user runs it: exit codes, output, and what reaches Genesys. */
class CommandLineTest extends UnderEachReading {
    @TempDir
    Path dir;

    /** What one command line printed and returned. */
    private record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** The environment of this process without PREBREAK_ variables, with the per-user state directory in {@link #dir}. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PREBREAK_"));
        env.put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
        return env;
    }

    private Outcome prebreak(String... args) {
        return prebreak(environment(), args);
    }

    private static Outcome prebreak(Map<String, String> environment, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Main.run(environment, args);
            return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** An org whose "10:00" break starts ten minutes from now, for commands that run on the real clock. */
    private static SimulatedOrg.Builder breakInTenMinutes() {
        Instant inTenMinutes = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(10));
        return SimulatedOrg.builder()
                .shiftedBy(Duration.between(at("10:00"), inTenMinutes))
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .agent("agent-ben", AVAILABLE, false, shift("08:00", 480, breakAt("10:00")));
    }

    private Path configFor(SimulatedOrg org, String secret, String... extra) throws IOException {
        Path secretFile = Files.writeString(dir.resolve("client-secret"), secret);
        Path config = dir.resolve("prebreak.yaml");
        Files.writeString(config, String.join("\n",
                "genesys:",
                "  region: " + org.sim.baseUrl(),
                "  clientId: " + org.sim.clientId(),
                "  clientSecret: file:" + secretFile,
                "scope:",
                "  businessUnits: [" + SimulatedOrg.BUSINESS_UNIT + "]",
                "rules:",
                SimulatedOrg.BREAKS_RULE,
                String.join("\n", extra),
                ""));
        return config;
    }

    @Test
    void runSetsTheDueAgentsAndPrintsWhatItDid() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Outcome run = prebreak("run", "--config", configFor(org, org.sim.clientSecret()).toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("changed").contains("PRE_BREAK 1").contains("Ada (agent-ada): to Pre-Break")
                    .containsPattern("1 NOT_ON_QUEUE +not On Queue");
            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-ada");
        }
    }

    @Test
    void runJsonPrintsAReportThatParses() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Outcome run = prebreak("run", "--json", "--config", configFor(org, org.sim.clientSecret()).toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("failed").asBoolean(true)).isFalse();
            assertThat(report.path("dryRun").asBoolean(true)).isFalse();
            assertThat(report.path("skips").path("NOT_ON_QUEUE").asInt()).isEqualTo(1);
            JsonNode change = report.path("businessUnits").path(0).path("changes").path(0);
            assertThat(change.path("userId").asText()).isEqualTo("agent-ada");
            assertThat(change.path("kind").asText()).isEqualTo("PRE_BREAK");
            assertThat(change.path("presenceId").asText()).isEqualTo(PRE_BREAK);
            assertThat(change.path("outcome").asText()).isEqualTo("APPLIED");
            assertThat(report.path("api").path("calls").asInt()).isPositive();
        }
    }

    @Test
    void badCredentialsFailWithAClearMessageThatNeverShowsTheSecret() throws IOException {
        String wrongSecret = "Wr0ng-s3cret-do-not-print";
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Outcome run = prebreak("run", "--verbose", "--config", configFor(org, wrongSecret).toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("refused the client credentials").contains(org.sim.clientId().substring(0, 4));
            assertThat(run.all()).doesNotContain(wrongSecret).doesNotContain(org.sim.clientSecret());
            assertThat(org.sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void badConfigurationExitsTwoListingEveryProblem() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), String.join("\n",
                "genesys:",
                "  region: http://10.0.0.7",          // plain http off loopback
                "  clientId: abc",
                "  clientSecret: file:/nowhere",
                "scope:",
                "  businessUnits: [bu-1]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Lunch]",   // no such category
                "    lead: 5h",                     // over the 2 h maximum
                "    presence: Pre-Break",
                "tick: 2s",                         // under the 10 s minimum
                "maxChangesPerTick: 0",
                "tik: 60s",                         // a typo
                ""));

        Outcome run = prebreak("run", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("genesys.region", "rules[0].categories", "rules[0].lead", "tick",
                "maxChangesPerTick", "tik");
        assertThat(run.err()).contains("6 problems");
    }

    @Test
    void planAtATimePrintsEveryDecisionWithItsReasonAndWritesNothing() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .agent("agent-ben", AVAILABLE, false, shift("08:00", 480, breakAt("10:00")))
                .agent("agent-chloe", PRE_BREAK, false, shift("08:00", 480, breakAt("10:00")))
                .idleOnQueue("agent-dev", shift("08:00", 480, breakAt("09:45")))
                .startAt("09:46")) {
            Path config = configFor(org, org.sim.clientSecret());

            Outcome plan = prebreak("plan", "--at", "2026-11-24T09:45:30Z", "--config", config.toString());

            assertThat(plan.exitCode()).as(plan.all()).isZero();
            assertThat(plan.out()).contains("dry run").contains("would change");
            assertThat(plan.out()).contains("Ada (agent-ada): to Pre-Break, for Break at Tue 24 Nov 10:00 GMT [rule breaks]: DRY_RUN");
            assertThat(plan.out()).contains("Ben (agent-ben) NOT_ON_QUEUE: for Break at Tue 24 Nov 10:00 GMT [rule breaks]: not On Queue");
            assertThat(plan.out()).contains("Chloe (agent-chloe) ALREADY_IN_TARGET:");
            // A break that started before its agent was eligible is counted, not listed.
            assertThat(plan.out()).containsPattern("1 ACTIVITY_STARTED +break started").doesNotContain("Dev (agent-dev)");
            assertThat(plan.out()).contains("judged against agents' presences as they are now");
            assertThat(org.sim.presenceLog().all()).isEmpty();
            assertThat(org.sim.requestStats().count("PUT /api/v2/users/presences/bulk")).isZero();
        }
    }

    /**
     * Fails today: {@code plan} opens the configured file store like the daemon does, so it takes the
     * store's lock (and fails beside a running {@code serve}) and compacts the journal (rewrites it).
     */
    @Test
    void planBesideARunningDaemonLeavesItsStateFileAlone() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:46")) {
            Path state = dir.resolve("state.json");
            Path config = configFor(org, org.sim.clientSecret(), "state:", "  store: file", "  file: " + state);
            try (FileStateStore daemonsStore = new FileStateStore(state, org.clock)) {
                daemonsStore.insert(new ActivityRecord(new ActivityKey(SimulatedOrg.BUSINESS_UNIT, "agent-ada", at("10:00"), "breaks"),
                        RecordStatus.IN_PRE_BREAK, PRE_BREAK, at("10:15"), at("09:45")));
                byte[] before = Files.readAllBytes(state);

                Outcome plan = prebreak("plan", "--at", "2026-11-24T09:46:00Z", "--config", config.toString());

                assertThat(plan.exitCode()).as(plan.all()).isZero();
                assertThat(plan.out()).contains("Ada (agent-ada) ALREADY_HANDLED: for Break at Tue 24 Nov 10:00 GMT [rule breaks]:"
                        + " set to Pre-Break earlier by prebreak; never set twice for one break");
                assertThat(Files.readAllBytes(state)).as("the daemon's journal").isEqualTo(before);
            }
        }
    }

    // --- issue 13 -------------------------------------------------------------------------------

    /** Fails before: the default store was memory, so the second run set Ada into Pre-Break again. */
    @Test
    void aSecondRunLeavesAnAgentWhoWentBackOnQueueByHandAlone() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Path config = configFor(org, org.sim.clientSecret());
            Outcome first = prebreak("run", "--config", config.toString());
            assertThat(first.exitCode()).as(first.all()).isZero();
            org.agentSets("agent-ada", SimulatedOrg.ON_QUEUE); // Ada wants one more chat before the break

            Outcome second = prebreak("run", "--config", config.toString());

            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(org.presencesSetFor("agent-ada")).as("prebreak's writes: once").containsExactly(PRE_BREAK);
            assertThat(org.presenceOf("agent-ada")).isEqualTo(SimulatedOrg.ON_QUEUE);
            assertThat(second.all()).doesNotContain("warning");
            assertThat(dir.resolve("xdg-state/prebreak/state.journal")).as("the per-user state directory").exists();
        }
    }

    @Test
    void theMemoryStoreIsAnExplicitChoiceThatWarns() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Outcome run = prebreak("run", "--config", configFor(org, org.sim.clientSecret(), "state: {store: memory}").toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.err()).contains("state.store is memory, so this run forgets what it did");
            assertThat(dir.resolve("xdg-state")).doesNotExist();
        }
    }

    /** Fails before: "cannot read missing.yaml: missing.yaml". */
    @Test
    void aMissingConfigurationFileIsNamedWithTheOptionThatNamedIt() {
        Outcome run = prebreak("run", "-c", dir.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--config: the configuration file " + dir.resolve("missing.yaml") + " does not exist");
    }

    /** Fails before: only the missing settings were listed, never that no file was found. */
    @Test
    void noConfigurationAtAllSaysThatNoFileWasFound() {
        Outcome run = prebreak("run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no configuration file: --config not given, PREBREAK_CONFIG not set, and no prebreak.yaml");
    }

    /** Fails before: a valid ISO-8601 local time was called invalid. */
    @Test
    void planAtALocalTimeReadsItInTheBusinessUnitsTimeZone() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .startAt("09:46")) {
            Outcome plan = prebreak("plan", "--at", "2026-11-24T09:45:30", "--config", configFor(org, org.sim.clientSecret()).toString());

            assertThat(plan.exitCode()).as(plan.all()).isZero();
            assertThat(plan.err()).contains("read in the business unit's time zone Europe/London: 2026-11-24T09:45:30Z");
            assertThat(plan.out()).contains("Ada (agent-ada): to Pre-Break");
        }
    }

    /** Fails before: the 404 was printed by the report and again on stderr, after "0 changed, 0 failed". */
    @Test
    void anUnknownBusinessUnitFailsTheTickOnceWithItsReason() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Path config = configFor(org, org.sim.clientSecret());
            String unknown = "00000000-dead-beef-0000-000000000000";
            Files.writeString(config, Files.readString(config).replace(SimulatedOrg.BUSINESS_UNIT, unknown));

            Outcome run = prebreak("run", "--config", config.toString());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("tick failed before any change");
            assertThat(Pattern.compile("404").matcher(run.all()).results().count()).as(run.all()).isEqualTo(1);
        }
    }

    /** Fails before: --verbose opened every logger, and the JDK's HTTP client wrote thousands of lines. */
    @Test
    void verboseLogsPrebreaksOwnCallsAndDecisionsOnly() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Outcome run = prebreak("run", "--verbose", "--config", configFor(org, org.sim.clientSecret()).toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            List<String> lines = run.err().lines().toList();
            assertThat(lines).anyMatch(l -> l.matches(".*GET /api/v2/workforcemanagement/businessunits/\\S+ -> HTTP 200 in \\d+ ms"));
            assertThat(lines).anyMatch(l -> l.contains("PUT /api/v2/users/presences/bulk") && l.contains("-> HTTP 200"));
            assertThat(lines).as("the JDK's own loggers stay quiet").noneMatch(l -> l.contains("jdk.") || l.contains("sun."));
            assertThat(lines.size()).as(run.err()).isLessThan(60);
            assertThat(run.all()).doesNotContain(org.sim.clientSecret()).doesNotContain("Bearer");
        }
    }

    @Test
    void theAuditNamesTheAgentAndTheActivitysLocalTime() throws IOException {
        try (SimulatedOrg org = breakInTenMinutes().startAt("09:50")) {
            Path audit = dir.resolve("audit.jsonl");
            Outcome run = prebreak("run", "--audit", audit.toString(), "--config", configFor(org, org.sim.clientSecret()).toString());

            assertThat(run.exitCode()).as(run.all()).isZero();
            JsonNode record = new ObjectMapper().readTree(Files.readAllLines(audit).get(0));
            assertThat(record.path("userId").asText()).isEqualTo("agent-ada");
            assertThat(record.path("agentName").asText()).isEqualTo("Ada");
            assertThat(record.path("timeZone").asText()).isEqualTo("Europe/London");
            assertThat(record.path("activityStartLocal").asText()).isNotEmpty();
        }
    }
}
