package dev.prebreak.bench;

import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.http.FaultProfile;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * Scale: one business unit of N agents behind a simulator that adds 50 ms to every call and allows
 * 300 requests a minute per token. For each N, the simulator runs here and prebreak runs in a child
 * JVM with {@code -Xmx256m} ({@link ScaleRun}), ticking once a virtual minute from 20 minutes before
 * the busiest quarter hour of the day: the first tick is cold (nothing cached), then the cache warms
 * and the breaks of the peak come due.
 *
 * <pre>java -cp bench/target/prebreak-bench.jar dev.prebreak.bench.ScaleBenchmark [--sizes 1000,10000,50000] [--ticks 30]</pre>
 *
 * Writes bench/results/scale-N.csv per size, bench/results/scale.md and docs/img/scale-*.svg.
 */
public final class ScaleBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    /** One tick as the child reported it. */
    record Tick(int index, long wallMs, long calls, long tooMany, long search, long users, long write, long other,
                int scheduled, int candidates, int applied, boolean failed) {
    }

    /** One org size's run. */
    record Run(int agents, List<Tick> ticks, long heapPeakMb, long poolPeaksMb, long maxHeapMb, int exitCode) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {1_000, 10_000, 50_000};
        int ticks = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--ticks" -> ticks = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path results = Path.of("bench/results");
        Files.createDirectories(results);
        List<Run> runs = new ArrayList<>();
        for (int agents : sizes) {
            runs.add(run(agents, ticks, results));
        }
        ScaleReport.write(runs, results.resolve("scale.md"), Path.of("docs/img"));
    }

    private static Run run(int agents, int ticks, Path results) throws Exception {
        OrgSpec spec = OrgSpec.of(agents, 42, DAY).withBusinessUnits(1, Math.max(1, Math.min(20, agents / 250)));
        Org preview = OrgGenerator.generate(spec, Clock.fixed(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        Instant first = busiestQuarter(preview).minus(Duration.ofMinutes(20));
        SimClock clock = SimClock.accelerated(first, 1.0);
        long genStart = System.nanoTime();
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(spec).rateLimitPerMinute(300).build().start()) {
            System.err.printf("%,d agents: org generated and simulator started in %d ms; first tick %s%n", agents,
                    (System.nanoTime() - genStart) / 1_000_000, first);
            sim.faults().global(FaultProfile.NONE.withLatency(50, 0, 0));
            String bu = sim.org().businessUnits().get(0).id();
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    ScaleRun.class.getName(), sim.baseUrl().toString(), sim.clientId(), sim.clientSecret(), bu,
                    first.toString(), String.valueOf(ticks));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process child = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    System.err.println("  " + line);
                }
            }
            int exit = child.waitFor();
            Files.write(results.resolve("scale-" + agents + ".csv"), lines);
            return parse(agents, lines, exit);
        }
    }

    private static Run parse(int agents, List<String> lines, int exit) {
        List<Tick> ticks = new ArrayList<>();
        long peak = -1;
        long pools = -1;
        long max = -1;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", -1);
            if (f[0].equals("heap_peak_mb")) {
                peak = Long.parseLong(f[1]);
                pools = Long.parseLong(f[3]);
                max = Long.parseLong(f[7]);
            } else if (f.length >= 14 && f[0].matches("\\d+")) {
                ticks.add(new Tick(Integer.parseInt(f[0]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                        Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                        Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), !f[12].isEmpty()));
            }
        }
        return new Run(agents, ticks, peak, pools, max, exit);
    }

    /** The quarter hour (UTC) in which most breaks and meals of the day start. */
    static Instant busiestQuarter(Org org) {
        Map<Instant, Integer> starts = new TreeMap<>();
        Instant dayStart = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (String user : org.userIds()) {
            for (Shift s : org.shifts(user)) {
                for (Activity a : s.activities()) {
                    if (!a.description().contains("Work") && !a.description().contains("Huddle")
                            && !a.startDate().isBefore(dayStart) && a.startDate().isBefore(dayStart.plus(Duration.ofDays(1)))) {
                        starts.merge(a.startDate(), 1, Integer::sum);
                    }
                }
            }
        }
        return starts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
