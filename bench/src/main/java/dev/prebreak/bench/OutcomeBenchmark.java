package dev.prebreak.bench;

import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;
import dev.prebreak.sim.work.BreakTaken;
import dev.prebreak.sim.work.CentreSpec;
import dev.prebreak.sim.work.Interaction;
import dev.prebreak.sim.work.QueueSpec;
import dev.prebreak.sim.work.WorkModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What prebreak is for, measured: for one org and seed, a day of contact-centre work in the simulator's
 * queue model, run once per policy, in two centres (chat-heavy at 3 chats at once, voice-heavy at 1
 * call). Policies: no automation, the public blueprint (every 15 min, phase 7), prebreak with fixed
 * leads, prebreak with the adaptive lead (margin swept), and an oracle that knows when each agent's
 * work in hand will end (margin swept). prebreak runs for real: the engine and the Genesys client over
 * HTTP against the simulator. Outcomes come from the simulator's ground truth of breaks and interactions.
 *
 * <pre>java -cp bench/target/prebreak-bench.jar dev.prebreak.bench.OutcomeBenchmark [--agents 1000] [--seed 42] [--quick] [--only FAMILY]</pre>
 *
 * Writes bench/results/outcome.csv, bench/results/outcome.md and docs/img/outcome-*.svg/png.
 */
public final class OutcomeBenchmark {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final Instant START = Instant.parse("2026-11-24T05:00:00Z"); // midnight in New York
    private static final Instant END = START.plus(Duration.ofDays(1));
    private static final Duration TICK = Duration.ofSeconds(60);
    private static final Duration MAX_LEAD = Duration.ofMinutes(20);
    private static final Duration MIN_LEAD = Duration.ofMinutes(2);
    static final int[] FIXED_LEADS = {2, 4, 6, 8, 10, 12, 15, 20};
    static final double[] MARGINS = {0, 1, 2, 4, 6, 9, 12, 15};

    /** One policy and its parameter. */
    record Policy(String family, String label, double parameter) {
    }

    /** What a day under one policy gave. */
    record Outcome(String centre, Policy policy, int breaks, int notStarted, double latenessMedianS, double latenessP95S,
                   double latenessMaxS, double onTimeShare, double lostMinutesPerBreak, double lostAgentHours,
                   double serviceLevel20, double serviceLevel60, double asaS, double abandonShare, long offered,
                   long apiCalls, double wallS) {
    }

    public static void main(String[] args) throws Exception {
        int agents = 1_000;
        long seed = 42;
        boolean quick = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Policy> policies = new ArrayList<>();
        policies.add(new Policy("none", "no automation", 0));
        policies.add(new Policy("blueprint", "blueprint (every 15 min)", 15));
        for (int lead : quick ? new int[] {5, 15} : FIXED_LEADS) {
            policies.add(new Policy("fixed", "fixed " + lead + " min", lead));
        }
        for (double m : quick ? new double[] {1, 4} : MARGINS) {
            policies.add(new Policy("adaptive", "adaptive margin " + fmt(m) + " min", m));
        }
        for (double m : quick ? new double[] {1, 4} : MARGINS) {
            policies.add(new Policy("oracle", "oracle margin " + fmt(m) + " min", m));
        }
        if (only != null) {
            String family = only;
            policies.removeIf(p -> !p.family().equals(family));
        }
        OrgSpec spec = OrgSpec.of(agents, seed, DAY).withBusinessUnits(1, Math.max(1, Math.min(20, agents / 250)));
        List<Outcome> outcomes = new ArrayList<>();
        for (CentreSpec centre : List.of(CentreSpec.chatHeavy(), CentreSpec.voiceHeavy())) {
            for (Policy p : policies) {
                Outcome o = run(spec, centre, seed, p);
                outcomes.add(o);
                System.err.printf(Locale.ROOT, "%s %-26s p95 %6.0f s, lost %5.2f min/break, SL20 %5.1f %%, %5.1f s wall%n",
                        centre.name(), p.label(), o.latenessP95S(), o.lostMinutesPerBreak(), 100 * o.serviceLevel20(), o.wallS());
            }
        }
        OutcomeReport.write(agents, seed, outcomes, Path.of("bench/results"), Path.of("docs/img"));
    }

    static Outcome run(OrgSpec spec, CentreSpec centre, long seed, Policy policy) throws Exception {
        long t0 = System.nanoTime();
        SimClock clock = SimClock.fixed(START);
        boolean engine = policy.family().equals("fixed") || policy.family().equals("adaptive");
        Simulator built = Simulator.builder().clock(clock).orgSpec(spec).build();
        try (Simulator sim = engine ? built.start() : built) {
            Org org = sim.org();
            WorkModel model = WorkModel.attach(org, centre, seed, START, END);
            String bu = org.businessUnits().get(0).id();
            String preBreak = org.presenceDefinitionByLabel("Pre-Break").orElseThrow().id();
            Map<String, List<Instant>> breakStarts = breakStarts(org, bu);
            Engine prebreak = null;
            GenesysClient client = null;
            if (engine) {
                Config config = new ConfigLoader(Map.of("SIM_SECRET", sim.clientSecret())).parse(
                        config(sim, bu, centre, policy), "outcome benchmark");
                client = GenesysClient.builder().region(sim.baseUrl().toString()).credentials(sim.clientId(), sim.clientSecret())
                        .clock(clock).sleeper(clock::advance).jitterSeed(1).build();
                prebreak = new Engine(config, client, new InMemoryStateStore(), r -> { }, clock);
            }
            Set<String> acted = new HashSet<>();
            Instant firstBlueprintRun = START.plus(Duration.ofMinutes(7));
            Instant next = START;
            while (next.isBefore(END)) {
                if (clock.instant().isBefore(next)) {
                    clock.set(next);
                }
                Instant now = clock.instant();
                model.advanceTo(now);
                switch (policy.family()) {
                    case "fixed", "adaptive" -> {
                        TickReport report = prebreak.tick(now, now.plus(TICK));
                        if (report.failed()) {
                            System.err.println("tick failed at " + now);
                        }
                    }
                    case "blueprint" -> {
                        if (!now.isBefore(firstBlueprintRun) && Duration.between(firstBlueprintRun, now).toMinutes() % 15 == 0) {
                            blueprint(org, breakStarts, preBreak, now);
                        }
                    }
                    case "oracle" -> oracle(org, model, breakStarts, preBreak, now, Duration.ofSeconds((long) (policy.parameter() * 60)), acted);
                    default -> { }
                }
                next = now.plus(TICK).isAfter(clock.instant()) ? now.plus(TICK) : clock.instant();
            }
            clock.set(END);
            model.advanceTo(END);
            return measure(centre, policy, model, client == null ? 0 : client.usage().calls(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** prebreak's configuration for the policy: the rule's lead is fixed, or the maximum of the adaptive lead. */
    static String config(Simulator sim, String bu, CentreSpec centre, Policy policy) {
        List<String> lines = new ArrayList<>(List.of(
                "genesys:",
                "  region: " + sim.baseUrl(),
                "  clientId: " + sim.clientId(),
                "  clientSecret: env:SIM_SECRET",
                "scope:",
                "  businessUnits: [" + bu + "]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Meal]",
                "    presence: Pre-Break"));
        if (policy.family().equals("fixed")) {
            lines.add("    lead: " + (int) policy.parameter() + "m");
        } else {
            lines.add("    lead: " + MAX_LEAD.toMinutes() + "m");
            lines.add("    adaptive:");
            lines.add("      minimumLead: " + MIN_LEAD.toMinutes() + "m");
            lines.add("      margin: " + (long) (policy.parameter() * 60) + "s");
            lines.add("      handleTimes: {" + perMedia(centre, q -> q.handleMean()) + "}");
            lines.add("      afterCallWork: {" + perMedia(centre, q -> q.afterCallWorkMean()) + "}");
        }
        lines.add("tick: 60s");
        lines.add("");
        return String.join("\n", lines);
    }

    /** The org's own figures: the mean handle time and after-call work of each media, as its reports would show. */
    private static String perMedia(CentreSpec centre, java.util.function.Function<QueueSpec, Duration> f) {
        Map<String, Duration> m = new TreeMap<>();
        for (QueueSpec q : centre.queues()) {
            m.put(q.media().wire(), f.apply(q));
        }
        List<String> parts = new ArrayList<>();
        m.forEach((media, d) -> parts.add(media + ": " + d.toSeconds() + "s"));
        return String.join(", ", parts);
    }

    /** Scheduled Break and Meal starts per agent in the day. */
    static Map<String, List<Instant>> breakStarts(Org org, String bu) {
        Set<String> codes = new HashSet<>();
        for (ActivityCode c : org.activityCodes(bu)) {
            if (c.category() == ActivityCategory.Break || c.category() == ActivityCategory.Meal) {
                codes.add(c.id());
            }
        }
        Map<String, List<Instant>> out = new LinkedHashMap<>();
        for (String user : org.userIdsInBusinessUnit(bu)) {
            List<Instant> starts = new ArrayList<>();
            for (Shift s : org.shifts(user)) {
                for (Activity a : s.activities()) {
                    if (codes.contains(a.activityCodeId()) && !a.startDate().isBefore(START) && a.startDate().isBefore(END)) {
                        starts.add(a.startDate());
                    }
                }
            }
            starts.sort(Comparator.naturalOrder());
            out.put(user, starts);
        }
        return out;
    }

    /** The blueprint: every On Queue agent whose break starts in the next 15 minutes. */
    private static void blueprint(Org org, Map<String, List<Instant>> breakStarts, String preBreak, Instant now) {
        Instant horizon = now.plus(Duration.ofMinutes(15));
        breakStarts.forEach((user, starts) -> {
            boolean due = starts.stream().anyMatch(s -> s.isAfter(now) && !s.isAfter(horizon));
            if (due && org.requireState(user).presence().onQueue()) {
                org.setPresence(user, preBreak, "blueprint", "blueprint");
            }
        });
    }

    /**
     * The bound: the adaptive lead's rule with the true remaining work (which only the simulator knows)
     * instead of an estimate; same maximum and minimum lead, same tick, once per break.
     */
    private static void oracle(Org org, WorkModel model, Map<String, List<Instant>> breakStarts, String preBreak, Instant now,
                               Duration margin, Set<String> acted) {
        breakStarts.forEach((user, starts) -> {
            for (Instant s : starts) {
                Duration until = Duration.between(now, s);
                if (until.isNegative() || until.isZero() || until.compareTo(MAX_LEAD) > 0 || acted.contains(user + s)) {
                    continue;
                }
                if (!org.requireState(user).presence().onQueue()) {
                    continue;
                }
                Duration remaining = model.workEnds(user).map(e -> Duration.between(now, e)).orElse(Duration.ZERO);
                if (until.compareTo(MIN_LEAD) <= 0 || remaining.plus(margin).compareTo(until) >= 0) {
                    org.setPresence(user, preBreak, "oracle", "oracle");
                    acted.add(user + s);
                }
            }
        });
    }

    static Outcome measure(CentreSpec centre, Policy policy, WorkModel model, long calls, double wallS) {
        List<Double> lateness = new ArrayList<>();
        double lostS = 0;
        int notStarted = 0;
        int onTime = 0;
        int breaks = 0;
        for (BreakTaken b : model.breaks()) {
            if (!(b.category().equals("Break") || b.category().equals("Meal")) || b.scheduledStart().isBefore(START.plus(MAX_LEAD))) {
                continue;
            }
            breaks++;
            lostS += b.capacityLost().toMillis() / 1000.0;
            if (b.actualStart() == null) {
                notStarted++;
                continue;
            }
            double late = b.lateness().toMillis() / 1000.0;
            lateness.add(late);
            onTime += late <= 0 ? 1 : 0;
        }
        lateness.sort(Comparator.naturalOrder());
        long offered = 0;
        long within20 = 0;
        long within60 = 0;
        long answered = 0;
        double waited = 0;
        long abandoned = 0;
        Map<String, QueueSpec> queues = new HashMap<>();
        centre.queues().forEach(q -> queues.put(q.name(), q));
        for (Interaction i : model.interactions()) {
            if (queues.get(i.queue()).patienceMean().isZero()) {
                continue; // emails and callbacks: no service level in seconds
            }
            offered++;
            if (i.answered() != null) {
                answered++;
                double w = Duration.between(i.offered(), i.answered()).toMillis() / 1000.0;
                waited += w;
                within20 += w <= 20 ? 1 : 0;
                within60 += w <= 60 ? 1 : 0;
            } else if (i.abandoned() != null) {
                abandoned++;
            }
        }
        return new Outcome(centre.name(), policy, breaks, notStarted, percentile(lateness, 0.5), percentile(lateness, 0.95),
                lateness.isEmpty() ? 0 : lateness.get(lateness.size() - 1), lateness.isEmpty() ? 0 : (double) onTime / lateness.size(),
                breaks == 0 ? 0 : lostS / 60 / breaks, lostS / 3600, offered == 0 ? 0 : (double) within20 / offered,
                offered == 0 ? 0 : (double) within60 / offered, answered == 0 ? 0 : waited / answered,
                offered == 0 ? 0 : (double) abandoned / offered, offered, calls, wallS);
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private OutcomeBenchmark() {
    }
}
