package dev.prebreak.bench;

import dev.prebreak.bench.ScaleBenchmark.Run;
import dev.prebreak.bench.ScaleBenchmark.Tick;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The scale benchmark's results page section and charts, from the ticks the child JVMs reported. */
final class ScaleReport {
    private ScaleReport() {
    }

    /** Ticks once every agent's schedule is cached and has been refreshed once (5-10 min later). */
    static List<Tick> steady(Run run) {
        int all = run.ticks().stream().mapToInt(Tick::scheduled).max().orElse(0);
        int warm = run.ticks().stream().filter(t -> t.scheduled() == all).mapToInt(Tick::index).min().orElse(0);
        List<Tick> steady = run.ticks().stream().filter(t -> t.index() >= warm + 11).toList();
        return steady.isEmpty() ? run.ticks().stream().filter(t -> t.index() > warm).toList() : steady;
    }

    static int warmAt(Run run) {
        int all = run.ticks().stream().mapToInt(Tick::scheduled).max().orElse(0);
        return run.ticks().stream().filter(t -> t.scheduled() == all).mapToInt(Tick::index).min().orElse(0);
    }

    static double median(List<Tick> ticks, ToDoubleFunction<Tick> f) {
        double[] v = ticks.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double max(List<Tick> ticks, ToDoubleFunction<Tick> f) {
        return ticks.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    static void write(List<Run> runs, Path markdown, Path images) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("| agents | cold tick: s / calls | ticks to warm | steady tick: median s (max) | steady calls/tick: median (max) "
                + "| heaviest tick: s / calls (search, users, write, other) | 429s | peak heap MB (pool peaks) of -Xmx | failed ticks |\n");
        md.append("|---:|---|---:|---|---|---|---:|---|---:|\n");
        for (Run run : runs) {
            if (run.ticks().isEmpty()) {
                md.append(String.format(Locale.ROOT, "| %,d | child JVM exited %d without ticking | | | | | | | |%n",
                        run.agents(), run.exitCode()));
                continue;
            }
            Tick cold = run.ticks().get(0);
            List<Tick> steady = steady(run);
            Tick heaviest = run.ticks().stream().max(Comparator.comparingLong(Tick::wallMs)).orElseThrow();
            md.append(String.format(Locale.ROOT, "| %,d | %.1f / %d | %d | %.2f (%.2f) | %.0f (%.0f) | #%d: %.1f / %d (%d, %d, %d, %d) | %d | %d (%d) of %d | %d |%n",
                    run.agents(), cold.wallMs() / 1000.0, cold.calls(), warmAt(run) + 1,
                    median(steady, Tick::wallMs) / 1000, max(steady, Tick::wallMs) / 1000,
                    median(steady, Tick::calls), max(steady, Tick::calls),
                    heaviest.index(), heaviest.wallMs() / 1000.0, heaviest.calls(), heaviest.search(), heaviest.users(),
                    heaviest.write(), heaviest.other(),
                    run.ticks().stream().mapToLong(Tick::tooMany).sum(), run.heapPeakMb(), run.poolPeaksMb(), run.maxHeapMb(),
                    run.ticks().stream().filter(Tick::failed).count()));
        }
        md.append("\nSteady ticks per size (median calls by endpoint, median due candidates):\n\n");
        md.append("| agents | schedule searches | users reads (presence + routing) | presence writes | other | candidates | pre-breaks applied |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Run run : runs) {
            List<Tick> s = steady(run);
            md.append(String.format(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", run.agents(),
                    median(s, Tick::search), median(s, Tick::users), median(s, Tick::write), median(s, Tick::other),
                    median(s, Tick::candidates), median(s, Tick::applied)));
        }
        Files.writeString(markdown, md.toString());
        System.out.println(md);
        charts(runs, images);
    }

    /**
     * Redraws the scale charts from the CSVs a run left in {@code bench/results} (no benchmark re-run):
     * {@code java -cp bench/target/prebreak-bench.jar dev.prebreak.bench.ScaleReport [1000,10000,50000]}.
     */
    public static void main(String[] args) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String size : (args.length > 0 ? args[0] : "1000,10000,50000").split(",")) {
            runs.add(fromCsv(Integer.parseInt(size.trim()), Path.of("bench/results/scale-" + size.trim() + ".csv")));
        }
        charts(runs, Path.of("docs/img"));
    }

    /** A run as its CSV has it (tick,at,wall_ms,calls,http_429,schedule_search,users_read,presence_write,other,agents_scheduled,candidates,applied,failed,...). */
    static Run fromCsv(int agents, Path csv) throws IOException {
        List<Tick> ticks = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",", -1);
            if (f.length < 13 || !f[0].chars().allMatch(Character::isDigit)) {
                continue; // the run's trailer (heap peaks), not a tick
            }
            ticks.add(new Tick(Integer.parseInt(f[0]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), !f[12].isBlank()));
        }
        return new Run(agents, ticks, 0, 0, 0, 0);
    }

    static void charts(List<Run> runs, Path images) throws IOException {
        List<Run> ran = runs.stream().filter(r -> !r.ticks().isEmpty()).toList();
        double[] sizes = ran.stream().mapToDouble(Run::agents).toArray();
        List<Charts.Series> curve = new ArrayList<>();
        curve.add(new Charts.Series("all calls", sizes, ran.stream().mapToDouble(r -> median(steady(r), Tick::calls)).toArray(), true));
        curve.add(new Charts.Series("schedule searches", sizes, ran.stream().mapToDouble(r -> median(steady(r), Tick::search)).toArray(), true));
        curve.add(new Charts.Series("presence/routing reads", sizes, ran.stream().mapToDouble(r -> median(steady(r), Tick::users)).toArray(), true));
        curve.add(new Charts.Series("presence writes", sizes, ran.stream().mapToDouble(r -> median(steady(r), Tick::write)).toArray(), true));
        curve.add(new Charts.Series("due agents (candidates)", sizes, ran.stream().mapToDouble(r -> median(steady(r), Tick::candidates)).toArray(), true));
        Charts.chart(images.resolve("scale-calls-by-org-size.svg"), "Steady-state API calls per tick vs org size (median)",
                "agents in the business unit (log scale)", "per tick", curve, true);

        List<Charts.Series> scatter = new ArrayList<>();
        for (Run r : ran) {
            List<Tick> s = steady(r);
            scatter.add(new Charts.Series(String.format(Locale.ROOT, "%,d agents", r.agents()),
                    s.stream().mapToDouble(Tick::candidates).toArray(),
                    s.stream().mapToDouble(t -> t.users() + t.write()).toArray(), false));
        }
        Charts.chart(images.resolve("scale-calls-by-due-agents.svg"),
                "Presence reads + writes per tick vs agents due that tick (steady ticks)",
                "agents due (candidates) in the tick", "presence reads + writes", scatter, false);
    }
}
