package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.cli.Main;
import dev.prebreak.genesys.Permission;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.SystemPresence;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prebreak doctor} against the simulator, as an admin runs it before the first {@code plan}: all
 * green with the client the README asks for, and each thing that would stop prebreak caught, with what
 * to do. Doctor judges "today" by this machine's clock, so the scenario is moved to now.
 */
class DoctorTest extends UnderEachReading {
    private static final String QUEUE_PAUSE = "6e1d4b7a-2c9f-4a35-8d0e-5f3b1a7c9e24";

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        /** The line of the check about {@code subject}, and the line after it (what to do), if any. */
        String check(String subject) {
            List<String> lines = out.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).substring(2).startsWith(subject + ":")) {
                    return lines.get(i) + (i + 1 < lines.size() && lines.get(i + 1).startsWith("    → ") ? "\n" + lines.get(i + 1) : "");
                }
            }
            throw new AssertionError("no check about '" + subject + "' in:\n" + out);
        }
    }

    /** An org whose shifts are running now, by this machine's clock. */
    private static SimulatedOrg.Builder shiftsRunningNow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return SimulatedOrg.builder()
                .shiftedBy(Duration.between(at("10:00"), now))
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:30")))
                .idleOnQueue("agent-ben", shift("09:00", 480, breakAt("11:00")));
    }

    private Outcome doctor(SimulatedOrg org, String rule, String businessUnit, String... options) throws IOException {
        Path secretFile = Files.writeString(dir.resolve("client-secret"), org.sim.clientSecret());
        Path config = Files.writeString(dir.resolve("prebreak.yaml"), String.join("\n",
                "genesys:",
                "  region: " + org.sim.baseUrl(),
                "  clientId: " + org.sim.clientId(),
                "  clientSecret: file:" + secretFile,
                "scope:",
                "  businessUnits: [" + businessUnit + "]",
                "rules:",
                rule,
                ""));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PREBREAK_"));
        env.put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
        String[] args = new String[options.length + 3];
        args[0] = "doctor";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Main.run(env, args);
            return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Outcome doctor(SimulatedOrg org) throws IOException {
        return doctor(org, SimulatedOrg.BREAKS_RULE, SimulatedOrg.BUSINESS_UNIT);
    }

    @Test
    void allGreenWithTheClientTheReadmeAsksFor() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org);

            assertThat(doctor.exitCode()).as(doctor.all()).isZero();
            assertThat(doctor.out().lines().filter(l -> !l.startsWith("    → ")).toList()).as(doctor.out())
                    .allMatch(l -> l.startsWith("✔ ") || l.startsWith("all well"));
            assertThat(doctor.check("login")).contains("/oauth/token gave a token").contains("tokens live 86399 s (23 h 59 min)");
            for (Permission p : Permission.ALL) {
                assertThat(doctor.check("permission " + p.name())).startsWith("✔");
            }
            assertThat(doctor.check("rule breaks presence")).contains("Pre-Break (" + SimulatedOrg.PRE_BREAK + "), active, under Break")
                    .contains("division " + SimulatedOrg.DIVISION);
            assertThat(doctor.check("business unit Contact Center London (" + SimulatedOrg.BUSINESS_UNIT + ")"))
                    .contains("time zone Europe/London, 1 management unit, 2 agents");
            assertThat(doctor.check("schedule today in Contact Center London")).contains("for 2 of 2 agents");
            assertThat(doctor.check("rule breaks in Contact Center London")).contains("matches Break (Break), Coffee Break (Break)");
            assertThat(doctor.check("activity codes of Contact Center London no rule matches")).contains("Meal (Meal)")
                    .doesNotContain("Old Break");
            assertThat(doctor.check("schedule search answers")).contains("answered inline (2 with shifts)")
                    .contains("with forceDownloadService through the download URL (2 with shifts)");
            assertThat(doctor.check("rate limit")).contains("inin-ratelimit-allowed 300");
            assertThat(doctor.out()).endsWith("; next: prebreak plan\n").doesNotContain(org.sim.clientSecret());
            assertThat(org.sim.presenceLog().all()).as("doctor changes nothing").isEmpty();
        }
    }

    @Test
    void eachMissingPermissionIsNamedWithWhatToDo() throws IOException {
        for (Permission missing : Permission.ALL) {
            try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
                Set<String> role = Permission.ALL.stream().map(Permission::name).filter(p -> !p.equals(missing.name()))
                        .collect(Collectors.toCollection(TreeSet::new));
                org.sim.oauthClients().setPermissions(org.sim.clientId(), role);

                Outcome doctor = doctor(org);

                assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
                assertThat(doctor.check("permission " + missing.name())).startsWith("✖")
                        .contains("403").contains("→ add the permission " + missing.name() + " to the OAuth client's role");
                Permission.ALL.stream().filter(p -> p != missing).forEach(p ->
                        assertThat(doctor.check("permission " + p.name())).as(doctor.out()).startsWith("✔"));
            }
        }
    }

    @Test
    void aPresenceThatDoesNotExistIsNamedWithHowToCreateIt() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE.replace("presence: Pre-Break", "presence: Pre-Brake"),
                    SimulatedOrg.BUSINESS_UNIT);

            assertThat(doctor.exitCode()).as(doctor.all()).isEqualTo(1);
            assertThat(doctor.check("rule breaks presence")).startsWith("✖")
                    .contains("no active presence named or with id 'Pre-Brake'")
                    .contains("→ create a custom presence labelled 'Pre-Brake' under Break (Admin > Presence)")
                    .contains("Pre-Break");
        }
    }

    @Test
    void aDeactivatedPresenceIsToldApartFromAMissingOne() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE.replace("presence: Pre-Break",
                    "presence: " + SimulatedOrg.RETIRED_PRE_BREAK), SimulatedOrg.BUSINESS_UNIT);

            assertThat(doctor.exitCode()).isEqualTo(1);
            assertThat(doctor.check("rule breaks presence")).startsWith("✖").contains("exists but is deactivated")
                    .contains("→ reactivate it in Admin > Presence");
        }
    }

    @Test
    void aPresenceUnderOnQueueIsCaught() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow()
                .presence(PresenceDefinition.custom(QUEUE_PAUSE, SystemPresence.ON_QUEUE, "Queue Pause", SimulatedOrg.DIVISION, false))
                .startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE.replace("presence: Pre-Break", "presence: Queue Pause"),
                    SimulatedOrg.BUSINESS_UNIT);

            assertThat(doctor.exitCode()).isEqualTo(1);
            assertThat(doctor.check("rule breaks presence")).startsWith("✖").contains("under OnQueue")
                    .contains("would keep agents On Queue").contains("→ create 'Queue Pause' as a custom presence under Break");
        }
    }

    @Test
    void aWrongUnitIdIsCaught() throws IOException {
        String wrong = "00000000-dead-beef-0000-000000000000";
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE, wrong);

            assertThat(doctor.exitCode()).isEqualTo(1);
            assertThat(doctor.check("business unit " + wrong)).startsWith("✖").contains("not found").contains("HTTP 404")
                    .contains("→ check the id in scope.businessUnits");
        }
    }

    @Test
    void anEmptyScheduleIsCaught() throws IOException {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada")
                .idleOnQueue("agent-ben")
                .startAt("10:00")) {
            Outcome doctor = doctor(org);

            assertThat(doctor.exitCode()).isEqualTo(1);
            assertThat(doctor.check("schedule today in Contact Center London")).startsWith("✖")
                    .contains("no published schedule covers").contains("for any of its 2 agents")
                    .contains("→ publish this week's schedule");
        }
    }

    @Test
    void jsonForMachines() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE, SimulatedOrg.BUSINESS_UNIT, "--json");

            assertThat(doctor.exitCode()).as(doctor.all()).isZero();
            JsonNode json = new ObjectMapper().readTree(doctor.out());
            assertThat(json.get("ok").asBoolean()).isTrue();
            assertThat(json.get("problems").asInt()).isZero();
            assertThat(json.get("exitCode").asInt()).isZero();
            assertThat(json.get("checks")).allSatisfy(c -> {
                assertThat(c.get("verdict").asText()).isEqualTo("ok");
                assertThat(c.get("subject").asText()).isNotBlank();
            });
        }
    }

    @Test
    void aBadConfigurationExitsTwoNamingTheKey() throws IOException {
        try (SimulatedOrg org = shiftsRunningNow().startAt("10:00")) {
            Outcome doctor = doctor(org, SimulatedOrg.BREAKS_RULE.replace("lead: 15m", "lead: 5h"), SimulatedOrg.BUSINESS_UNIT);

            assertThat(doctor.exitCode()).isEqualTo(2);
            assertThat(doctor.err()).contains("rules[0].lead");
        }
    }
}
