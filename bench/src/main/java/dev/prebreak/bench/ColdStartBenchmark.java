package dev.prebreak.bench;

import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cold start: {@code prebreak run} as a whole process, JVM start to exit, against a simulator of
 * 1,000 agents. The CLI ticks at the real clock, so the run reads presences, the business unit, its
 * codes, members and every agent's schedule, plans, and usually writes nothing. A fresh simulator
 * per run keeps every run's work the same. Several JVM option sets are compared, including an AppCDS
 * archive (dumped by one training run of the same command), and two reference points that isolate
 * where the time goes: {@code java -version} (the bare JVM) and {@code prebreak --help} (the JVM plus
 * the command line parser, no configuration, HTTP or JSON).
 *
 * <pre>java -cp bench/target/prebreak-bench.jar dev.prebreak.bench.ColdStartBenchmark [--runs 7] [--jar cli/target/prebreak.jar]</pre>
 *
 * Writes bench/results/cold-start.md.
 */
public final class ColdStartBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    public static void main(String[] args) throws Exception {
        int runs = 7;
        Path jar = Path.of("cli/target/prebreak.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        OrgSpec spec = OrgSpec.of(1_000, 42, DAY);
        Instant due = ScaleBenchmark.busiestQuarter(OrgGenerator.generate(spec,
                Clock.fixed(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC))).minus(Duration.ofMinutes(5));
        Path work = Files.createTempDirectory("prebreak-cold");
        Path jsa = work.resolve("prebreak.jsa");

        // One training run writes the AppCDS archive of the classes `run` loads.
        runOnce(java, List.of("-XX:ArchiveClassesAtExit=" + jsa), jar, spec, due, work, true);

        List<Variant> variants = List.of(
                new Variant("java -version (bare JVM, reference)", List.of(), Mode.VERSION),
                new Variant("prebreak --help (JVM + picocli, reference)", List.of(), Mode.HELP),
                new Variant("prebreak run, default JVM options", List.of(), Mode.RUN),
                new Variant("run, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC", List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), Mode.RUN),
                new Variant("run, AppCDS archive", List.of("-XX:SharedArchiveFile=" + jsa), Mode.RUN),
                new Variant("run, AppCDS + TieredStopAtLevel=1 + SerialGC",
                        List.of("-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), Mode.RUN),
                new Variant("run, -Xshare:off (no CDS at all)", List.of("-Xshare:off"), Mode.RUN));

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d runs per line, median and range, JVM start to exit (ms); 1,000 agents, "
                + "simulator on loopback (in the benchmark's JVM, fresh per run, clock fixed at %s). `prebreak run` ticks at the real "
                + "clock, so it reads the whole org and every schedule but finds no break due and writes nothing.%n%n", runs, due));
        md.append("| what | median ms | min | max | exit code |\n|---|---:|---:|---:|---:|\n");
        for (Variant v : variants) {
            long[] ms = new long[runs];
            int exit = 0;
            for (int r = 0; r < runs; r++) {
                long[] result = switch (v.mode()) {
                    case VERSION -> time(new ProcessBuilder(java, "-version"), work);
                    case HELP -> time(command(java, v.options(), jar, "--help"), work);
                    case RUN -> runOnce(java, v.options(), jar, spec, due, work, false);
                };
                ms[r] = result[0];
                exit = Math.max(exit, (int) result[1]);
            }
            Arrays.sort(ms);
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", v.name(), ms[runs / 2], ms[0], ms[runs - 1], exit));
            System.err.println(v.name() + ": " + Arrays.toString(ms));
        }
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("cold-start.md"), md.toString());
        System.out.println(md);
    }

    private enum Mode { VERSION, HELP, RUN }

    private record Variant(String name, List<String> options, Mode mode) {
    }

    private static long[] runOnce(String java, List<String> options, Path jar, OrgSpec spec, Instant due, Path work,
                                  boolean training) throws Exception {
        try (Simulator sim = Simulator.builder().clock(SimClock.fixed(due)).orgSpec(spec).build().start()) {
            Path secret = work.resolve("secret");
            Files.writeString(secret, sim.clientSecret());
            Path config = work.resolve("prebreak.yaml");
            Files.writeString(config, String.join("\n",
                    "genesys:",
                    "  region: " + sim.baseUrl(),
                    "  clientId: " + sim.clientId(),
                    "  clientSecret: file:" + secret,
                    "scope:",
                    "  businessUnits: [" + sim.org().businessUnits().get(0).id() + "]",
                    "rules:",
                    "  - name: breaks",
                    "    categories: [Break, Meal]",
                    "    lead: 10m",
                    "    presence: Pre-Break",
                    ""));
            long[] result = time(command(java, options, jar, "run", "--config", config.toString(), "--json"), work);
            if (training || result[1] != 0) {
                System.err.println((training ? "training run" : "run") + " exited " + result[1] + "; writes in the log: "
                        + sim.presenceLog().size());
            }
            return result;
        }
    }

    private static ProcessBuilder command(String java, List<String> options, Path jar, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(options);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Wall time of the process from start to exit, in ms, and its exit code. */
    private static long[] time(ProcessBuilder pb, Path work) throws Exception {
        pb.redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        return new long[] {(System.nanoTime() - start) / 1_000_000, exit};
    }
}
