package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prebreak serve} as a real process: it ticks, serves /healthz and /status, and on SIGTERM
 * finishes cleanly. The test waits on the process's output, never on the clock.
 */
class ServeProcessTest {
    @TempDir
    Path dir;

    @Test
    void servesStatusAndStopsCleanlyOnSigterm() throws Exception {
        try (Simulator sim = Simulator.builder().clock(SimClock.real()).orgSpec(OrgSpec.of(50, 3, LocalDate.now())).build().start()) {
            Path secret = dir.resolve("secret");
            Files.writeString(secret, sim.clientSecret());
            Path config = dir.resolve("prebreak.yaml");
            Files.writeString(config, String.join("\n",
                    "genesys:",
                    "  region: " + sim.baseUrl(),
                    "  clientId: " + sim.clientId(),
                    "  clientSecret: file:" + secret,
                    "scope:",
                    "  businessUnits: [" + sim.org().businessUnits().get(0).id() + "]",
                    "rules:",
                    "  - {name: breaks, categories: [Break, Meal], presence: Pre-Break}",
                    "state: {store: file, file: " + dir.resolve("state.journal") + "}",
                    ""));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.prebreak.cli.Main",
                    "serve", "--config", config.toString(), "--status-port", "0", "--audit", dir.resolve("audit.jsonl").toString())
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("PREBREAK_"));
            Process process = builder.start();
            List<String> output = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String banner = read(lines, output, "prebreak serving");
                Matcher port = Pattern.compile("status on http://127\\.0\\.0\\.1:(\\d+)/status").matcher(banner);
                assertThat(port.find()).as(banner).isTrue();
                read(lines, output, " tick: ");

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(status.body()).contains("\"lastTick\"", "\"nextDueActions\"");
                // At least the tick it printed: /status may be read after the next boundary has passed.
                assertThat(status.body()).containsPattern("\"ticks\" : [1-9]");

                process.toHandle().destroy(); // SIGTERM, leaving the output stream open (Process.destroy closes it)
                read(lines, output, "prebreak stopped");
            } finally {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            assertThat(process.isAlive()).isFalse();
            assertThat(process.exitValue()).as("exit code after a clean stop on SIGTERM (was 143)").isZero();
            assertThat(String.join("\n", output)).doesNotContain(sim.clientSecret(), "Exception");
            assertThat(dir.resolve("state.journal")).exists();
        }
    }

    /** Reads output until a line contains {@code wanted}; fails if the process ends first. */
    private static String read(BufferedReader lines, List<String> output, String wanted) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            output.add(line);
            if (line.contains(wanted)) {
                return line;
            }
        }
        throw new AssertionError("process ended before printing '" + wanted + "':\n" + String.join("\n", output));
    }
}
