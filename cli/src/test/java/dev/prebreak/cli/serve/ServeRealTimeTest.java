package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.cli.SimConfig;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.SimulatorMain;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prebreak serve} with a 10 s tick, at real speed, against a simulator started as {@code prebreak sim}
 * starts it by default (real time) and with the configuration {@code prebreak sim} writes for it: across
 * three boundaries it ticks exactly once per boundary, each tick starting at or after its boundary, and a
 * SIGTERM ends it with exit code 0. Bounded: about 35 s of real time.
 */
class ServeRealTimeTest {
    private static final Duration TICK = Duration.ofSeconds(10);
    private static final Pattern TICK_LINE = Pattern.compile("^(\\S+Z) (tick: |tick failed)");

    @TempDir
    Path dir;

    @Test
    void ticksOncePerBoundaryAtOrAfterIt() throws Exception {
        PrintStream banner = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (Simulator sim = SimulatorMain.start(Simulator.builder().port(0), null, 1.0, 60, 3, banner)) {
            Path config = writeSimConfig(sim);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.prebreak.cli.Main",
                    "serve", "--config", config.toString(), "--status-port", "0", "--audit", dir.resolve("audit.jsonl").toString())
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("PREBREAK_"));
            builder.environment().put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
            Process process = builder.start();
            List<String> output = new ArrayList<>();
            List<Instant> ticks = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                // The first tick runs at start-up; then one per boundary: three boundaries after it.
                while (ticks.size() < 4) {
                    String line = lines.readLine();
                    assertThat(line).as("serve ended early:\n" + String.join("\n", output)).isNotNull();
                    output.add(line);
                    Matcher m = TICK_LINE.matcher(line);
                    if (m.find()) {
                        ticks.add(Instant.parse(m.group(1)));
                    }
                }
                process.toHandle().destroy(); // SIGTERM
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } finally {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            String all = String.join("\n", output);
            assertThat(all).doesNotContain("FAILED", "tick failed", "ran past", "Exception", sim.clientSecret());
            List<Instant> onBoundaries = ticks.subList(1, ticks.size());
            Instant first = Daemon.boundaryAfter(ticks.get(0), TICK);
            for (int i = 0; i < onBoundaries.size(); i++) {
                Instant boundary = first.plus(TICK.multipliedBy(i));
                assertThat(onBoundaries.get(i)).as("tick %d of %s, for the boundary %s\n%s", i + 1, onBoundaries, boundary, all)
                        .isAfterOrEqualTo(boundary).isBefore(boundary.plus(TICK));
            }
            assertThat(all).contains("prebreak stopped");
            assertThat(process.exitValue()).as("a clean stop on SIGTERM\n" + all).isZero();
        }
    }

    /** The configuration {@code prebreak sim --write-config} writes, with a 10 s tick. */
    private Path writeSimConfig(Simulator sim) throws Exception {
        Path secret = Files.writeString(dir.resolve("sim.yaml.secret"), sim.clientSecret());
        String text = SimConfig.yaml(sim, "file:" + secret, dir.resolve("sim.state.journal").toString());
        assertThat(text).contains("tick: 60s");
        return Files.writeString(dir.resolve("sim.yaml"), text.replace("tick: 60s", "tick: 10s"));
    }
}
