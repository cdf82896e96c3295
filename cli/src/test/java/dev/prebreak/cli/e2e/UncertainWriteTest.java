package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.ON_QUEUE;
import static dev.prebreak.cli.e2e.SimulatedOrg.at;
import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.cli.Main;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.ScriptedFault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken promise issue 10 reported: the bulk write landed but its answer was unreadable, so it was
 * reported as failed and {@code run} exited 0; the agent went back On Queue by hand; a later tick set
 * them again.
 */
class UncertainWriteTest {
    @TempDir
    Path dir;

    @Test
    void aWriteWhoseAnswerWasLostIsNeverRepeatedAfterTheAgentWentBackByHand() {
        try (SimulatedOrg org = SimulatedOrg.builder().idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00"))).startAt("09:45")) {
            org.sim.faults().script(ScriptedFault.of("putUsersPresencesBulk", 1, FaultKind.MALFORMED));
            TickReport first = org.tickAt("09:45");
            assertThat(first.count(Outcome.UNCERTAIN)).containsEntry(ActionKind.PRE_BREAK, 1);
            assertThat(org.agentsSetToPreBreak()).as("the write landed").containsExactly("agent-ada");

            org.agentSets("agent-ada", ON_QUEUE); // back On Queue by hand
            org.tickEveryMinute("09:46", "09:59");

            assertThat(org.agentsSetToPreBreak()).as("set once, ever").containsExactly("agent-ada");
            assertThat(org.presenceOf("agent-ada")).isEqualTo(ON_QUEUE);
        }
    }

    @Test
    void runExitsOneWhenAWriteEndedUncertain() throws Exception {
        // The CLI runs on the real clock: the org's "10:00" break starts ten minutes from now.
        Instant inTenMinutes = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(10));
        try (SimulatedOrg org = SimulatedOrg.builder().shiftedBy(Duration.between(at("10:00"), inTenMinutes))
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00"))).startAt("09:50")) {
            org.sim.faults().script(ScriptedFault.of("putUsersPresencesBulk", 1, FaultKind.MALFORMED));

            Run run = run(config(org));

            assertThat(run.code()).as("an uncertain write is not a success: %s", run.err()).isEqualTo(1);
            assertThat(run.err()).contains("1 presence writes failed or ended uncertain");
            assertThat(Files.readString(dir.resolve("audit.jsonl"))).contains("\"outcome\":\"UNCERTAIN\"");
        }
    }

    private record Run(int code, String err) {
    }

    private Run run(Path config) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(k -> k.startsWith("PREBREAK_"));
        environment.put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Main.run(environment, "run", "--audit", dir.resolve("audit.jsonl").toString(), "--config", config.toString());
            return new Run(code, stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path config(SimulatedOrg org) throws Exception {
        Path secret = Files.writeString(dir.resolve("client-secret"), org.sim.clientSecret());
        return Files.writeString(dir.resolve("prebreak.yaml"), String.join("\n",
                "genesys:",
                "  region: " + org.sim.baseUrl(),
                "  clientId: " + org.sim.clientId(),
                "  clientSecret: file:" + secret,
                "scope:",
                "  businessUnits: [" + SimulatedOrg.BUSINESS_UNIT + "]",
                "rules:",
                SimulatedOrg.BREAKS_RULE,
                "state: {store: file, file: " + dir.resolve("state.journal") + "}",
                ""));
    }
}
