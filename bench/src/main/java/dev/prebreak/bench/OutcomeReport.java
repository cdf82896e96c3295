package dev.prebreak.bench;

import dev.prebreak.bench.OutcomeBenchmark.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The outcome benchmark's tables, goal verdicts and charts. */
final class OutcomeReport {
    private OutcomeReport() {
    }

    static void write(int agents, long seed, List<Outcome> outcomes, Path results, Path images) throws IOException {
        Files.createDirectories(results);
        List<String> csv = new ArrayList<>();
        csv.add("centre,family,policy,parameter,breaks,not_started,lateness_median_s,lateness_p95_s,lateness_max_s,on_time_share,"
                + "lost_min_per_break,lost_agent_hours,sl20,sl60,asa_s,abandon_share,offered,api_calls,wall_s");
        for (Outcome o : outcomes) {
            csv.add(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%.0f,%.0f,%.0f,%.4f,%.3f,%.2f,%.4f,%.4f,%.1f,%.4f,%d,%d,%.1f",
                    o.centre(), o.policy().family(), o.policy().label(), OutcomeBenchmark.fmt(o.policy().parameter()), o.breaks(),
                    o.notStarted(), o.latenessMedianS(), o.latenessP95S(), o.latenessMaxS(), o.onTimeShare(), o.lostMinutesPerBreak(),
                    o.lostAgentHours(), o.serviceLevel20(), o.serviceLevel60(), o.asaS(), o.abandonShare(), o.offered(), o.apiCalls(),
                    o.wallS()));
        }
        Files.write(results.resolve("outcome.csv"), csv);

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d agents, seed %d, one business unit (America/New_York), 24 h from local midnight, tick 60 s.%n%n",
                agents, seed));
        for (String centre : centres(outcomes)) {
            md.append("### ").append(centre).append("\n\n");
            md.append("| policy | breaks | lateness median / p95 / max (s) | on time | capacity lost: min per break (agent-h) "
                    + "| service level 20 s / 60 s | ASA (s) | abandoned | API calls |\n");
            md.append("|---|---:|---|---:|---|---|---:|---:|---:|\n");
            for (Outcome o : outcomes) {
                if (!o.centre().equals(centre)) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %,d%s | %.0f / %.0f / %.0f | %.1f %% | %.2f (%.1f) | %.1f %% / %.1f %% | %.1f | %.2f %% | %,d |%n",
                        o.policy().label(), o.breaks(), o.notStarted() > 0 ? " (" + o.notStarted() + " not started)" : "",
                        o.latenessMedianS(), o.latenessP95S(), o.latenessMaxS(), 100 * o.onTimeShare(), o.lostMinutesPerBreak(),
                        o.lostAgentHours(), 100 * o.serviceLevel20(), 100 * o.serviceLevel60(), o.asaS(), 100 * o.abandonShare(),
                        o.apiCalls()));
            }
            md.append("\n").append(goals(centre, outcomes)).append("\n");
        }
        Files.writeString(results.resolve("outcome.md"), md.toString());
        System.out.println(md);
        charts(outcomes, images);
    }

    /**
     * The goals, read off the curves: capacity lost by adaptive and oracle at the p95 lateness of the fixed
     * 15-minute lead (linear between neighbouring points of each curve), and whether each adaptive point lies
     * below the fixed curve at its own p95 lateness.
     */
    static String goals(String centre, List<Outcome> all) {
        List<Outcome> fixed = family(all, centre, "fixed");
        List<Outcome> adaptive = family(all, centre, "adaptive");
        List<Outcome> oracle = family(all, centre, "oracle");
        StringBuilder sb = new StringBuilder();
        Optional<Outcome> f15 = fixed.stream().filter(o -> o.policy().parameter() == 15).findFirst();
        if (f15.isPresent()) {
            double target = f15.get().latenessP95S();
            Optional<Double> a = capacityAt(adaptive, target);
            Optional<Double> or = capacityAt(oracle, target);
            sb.append(String.format(Locale.ROOT, "- At the fixed 15-minute lead's p95 lateness (%.0f s), capacity lost: fixed 15 min %.2f min per break",
                    target, f15.get().lostMinutesPerBreak()));
            sb.append(a.map(v -> String.format(Locale.ROOT, ", adaptive %.2f (%s)", v, relative(v, f15.get().lostMinutesPerBreak())))
                    .orElse(", adaptive: its curve does not reach that lateness"));
            sb.append(or.map(v -> String.format(Locale.ROOT, ", oracle %.2f", v)).orElse(", oracle: its curve does not reach that lateness"));
            if (a.isPresent() && or.isPresent()) {
                sb.append(String.format(Locale.ROOT, "; adaptive / oracle = %s", or.get() <= 0.005 ? "n/a (oracle loses nothing)"
                        : String.format(Locale.ROOT, "%.2fx", a.get() / or.get())));
            }
            sb.append(".\n");
        }
        int below = 0;
        int compared = 0;
        List<String> above = new ArrayList<>();
        for (Outcome o : adaptive) {
            Optional<Double> fixedAt = capacityAt(fixed, o.latenessP95S());
            if (fixedAt.isPresent()) {
                compared++;
                if (o.lostMinutesPerBreak() < fixedAt.get()) {
                    below++;
                } else {
                    above.add(String.format(Locale.ROOT, "%s (%.2f against fixed %.2f)", o.policy().label(), o.lostMinutesPerBreak(), fixedAt.get()));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "- Adaptive points below the fixed-lead curve (less capacity lost at the same p95 lateness): %d of the %d "
                + "within the fixed curve's range of lateness%s.%n", below, compared, above.isEmpty() ? "" : "; not below: " + String.join(", ", above)));
        return sb.toString();
    }

    private static String relative(double v, double base) {
        return base <= 0 ? "n/a" : String.format(Locale.ROOT, "%+.0f %% against fixed", 100 * (v - base) / base);
    }

    /** Capacity lost at a p95 lateness, interpolated along a curve; the least where the curve crosses it more than once. */
    static Optional<Double> capacityAt(List<Outcome> curve, double p95) {
        List<Outcome> sorted = new ArrayList<>(curve);
        sorted.sort(Comparator.comparingDouble(Outcome::lostMinutesPerBreak));
        Double best = null;
        for (int i = 0; i < sorted.size(); i++) {
            Outcome a = sorted.get(i);
            if (a.latenessP95S() == p95) {
                best = best == null ? a.lostMinutesPerBreak() : Math.min(best, a.lostMinutesPerBreak());
            }
            if (i + 1 < sorted.size()) {
                Outcome b = sorted.get(i + 1);
                double lo = Math.min(a.latenessP95S(), b.latenessP95S());
                double hi = Math.max(a.latenessP95S(), b.latenessP95S());
                if (p95 > lo && p95 < hi) {
                    double t = (p95 - a.latenessP95S()) / (b.latenessP95S() - a.latenessP95S());
                    double v = a.lostMinutesPerBreak() + t * (b.lostMinutesPerBreak() - a.lostMinutesPerBreak());
                    best = best == null ? v : Math.min(best, v);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<Outcome> family(List<Outcome> all, String centre, String family) {
        return all.stream().filter(o -> o.centre().equals(centre) && o.policy().family().equals(family)).toList();
    }

    private static List<String> centres(List<Outcome> all) {
        return all.stream().map(Outcome::centre).distinct().toList();
    }

    private static void charts(List<Outcome> outcomes, Path images) throws IOException {
        for (String centre : centres(outcomes)) {
            List<Charts.Series> series = new ArrayList<>();
            for (String family : List.of("fixed", "adaptive", "oracle")) {
                List<Outcome> f = new ArrayList<>(family(outcomes, centre, family));
                f.sort(Comparator.comparingDouble(Outcome::lostMinutesPerBreak));
                series.add(new Charts.Series(switch (family) {
                    case "fixed" -> "prebreak, fixed lead (2-20 min)";
                    case "adaptive" -> "prebreak, adaptive lead (margin 0-15 min)";
                    default -> "oracle (margin 0-15 min)";
                }, f.stream().mapToDouble(Outcome::lostMinutesPerBreak).toArray(),
                        f.stream().mapToDouble(o -> o.latenessP95S() / 60).toArray(), true));
            }
            for (String family : List.of("none", "blueprint")) {
                List<Outcome> f = family(outcomes, centre, family);
                series.add(new Charts.Series(family.equals("none") ? "no automation" : "blueprint (every 15 min)",
                        f.stream().mapToDouble(Outcome::lostMinutesPerBreak).toArray(),
                        f.stream().mapToDouble(o -> o.latenessP95S() / 60).toArray(), false));
            }
            Charts.chart(images.resolve("outcome-" + centre + ".svg"),
                    "Break lateness against capacity lost, " + centre + " centre (lower left is better)",
                    "On Queue capacity lost before each break (agent-minutes per break, mean)",
                    "p95 break lateness (minutes)", series, false);
        }
        List<String> policies = outcomes.stream().map(o -> o.policy().label()).distinct().toList();
        List<String> names = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        for (String centre : centres(outcomes)) {
            names.add(centre);
            List<Double> v = new ArrayList<>();
            for (String p : policies) {
                v.add(outcomes.stream().filter(o -> o.centre().equals(centre) && o.policy().label().equals(p))
                        .mapToDouble(o -> 100 * o.serviceLevel20()).findFirst().orElse(0));
            }
            values.add(v);
        }
        Charts.bars(images.resolve("outcome-service-level.svg"), "Service level (answered within 20 s) by policy",
                "policy", "% of calls, chats and messages", policies, names, values);
    }
}
