package dev.prebreak.cli.demo;

import dev.prebreak.cli.ConfigOptions;
import dev.prebreak.cli.ExitCode;
import dev.prebreak.cli.SimConfig;
import dev.prebreak.cli.serve.Daemon;
import dev.prebreak.cli.serve.Pause;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"See prebreak work with no setup, against the embedded simulator.",
                "Starts the Genesys Cloud simulator with a synthetic org, runs the daemon against it on a virtual",
                "clock through a few hours of a shift (moving and removing some breaks, and sending some agents",
                "back On Queue by hand on the way), then prints a timeline and the precision achieved."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--agents", defaultValue = "300", description = "Agents in the synthetic org (default ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--hours", defaultValue = "3", description = "Hours of virtual time to run (default ${DEFAULT-VALUE})")
    double hours;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic org and of the schedule edits (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--timeline", defaultValue = "40", description = "Timeline lines to print; 0 prints all (default ${DEFAULT-VALUE})")
    int timelineLines;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(hours > 0 && hours <= 24)) {
            throw new ParameterException(spec.commandLine(), "--hours: must be more than 0 and at most 24, got " + hours);
        }
        if (agents < 1 || agents > 100_000) {
            throw new ParameterException(spec.commandLine(), "--agents: must be between 1 and 100000, got " + agents);
        }
        PrintWriter out = spec.commandLine().getOut();
        ConfigOptions.Logs.configure(false);
        LocalDate day = LocalDate.of(2026, 11, 24);
        OrgSpec orgSpec = OrgSpec.of(agents, seed, day);
        // Generate once to find the busiest hours of the day; the same seed gives the same org again below.
        Org preview = OrgGenerator.generate(orgSpec, Clock.systemUTC());
        String bu = preview.businessUnits().get(0).id();
        Instant origin = busiestStart(preview, bu, day);
        // Virtual time runs at real speed during a tick and jumps ahead while the daemon waits for the next one.
        SimClock clock = SimClock.accelerated(origin, 1.0);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(orgSpec).build().start()) {
            return run(sim, bu, clock, origin, out);
        }
    }

    private int run(Simulator sim, String bu, SimClock clock, Instant origin, PrintWriter out) {
        Map<String, String> env = Map.of("SIM_CLIENT_SECRET", sim.clientSecret());
        Config config = new ConfigLoader(env).parse(SimConfig.connection(sim, List.of(bu), "env:SIM_CLIENT_SECRET"),
                "demo configuration");
        Pause pause = target -> {
            if (target.isAfter(clock.instant())) {
                clock.set(target);
            }
        };
        GenesysClient genesys = GenesysClient.builder().region(config.genesys().region())
                .credentials(sim.clientId(), sim.clientSecret()).clock(clock).sleeper(clock::advance).build();
        List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());
        Engine engine = new Engine(config, genesys, new InMemoryStateStore(), audit::add, clock);
        Instant until = origin.plus(Duration.ofMinutes(Math.round(hours * 60)));

        DemoTime time = new DemoTime(sim.org().businessUnits().get(0).timeZone());
        out.printf("prebreak demo: %d agents in business unit %s (%s), simulator at %s, virtual time %s to %s%n",
                sim.org().userIdsInBusinessUnit(bu).size(), sim.org().businessUnits().get(0).name(), time.zone().getId(),
                sim.baseUrl(), time.full(origin), time.full(until));
        out.println("rules: breaks 15 min ahead -> Pre-Break; meals 10 min ahead -> Pre-Break, then Meal when the meal starts");
        out.flush();

        Map<String, String> nouns = new java.util.HashMap<>();
        config.rules().forEach(r -> nouns.put(r.name(), r.categories().size() == 1
                ? r.categories().iterator().next().toString().toLowerCase(java.util.Locale.ROOT) : "activity"));
        ScheduleEdits edits = new ScheduleEdits(sim.org(), seed, time, nouns);
        Progress progress = new Progress(origin, out, time);
        long realStart = System.nanoTime();
        new Daemon(engine, clock, config.tick(), pause, new DemoListener(edits, progress)).run(until);
        Duration real = Duration.ofNanos(System.nanoTime() - realStart);

        Timeline timeline = new Timeline(sim.org(), List.copyOf(audit), edits.events(), origin, time, nouns);
        timeline.print(out, timelineLines);
        timeline.summary(out, config, progress, genesys.usage(), Duration.between(origin, until), real);
        out.flush();
        return timeline.late() == 0 ? ExitCode.OK : ExitCode.TICK_FAILED;
    }

    /** Where the demo's window starts: the half hour after which most breaks and meals begin within the window. */
    private Instant busiestStart(Org org, String bu, LocalDate day) {
        List<Instant> starts = new ArrayList<>();
        for (String user : org.userIdsInBusinessUnit(bu)) {
            for (Shift shift : org.shifts(user)) {
                for (Activity a : shift.activities()) {
                    if (!a.description().contains("Work")) {
                        starts.add(a.startDate());
                    }
                }
            }
        }
        Instant best = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(12));
        long bestCount = -1;
        Duration window = Duration.ofMinutes(Math.round(hours * 60));
        for (int halfHours = 0; halfHours < 48; halfHours++) {
            Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(30L * halfHours));
            Instant firstDue = from.plus(Duration.ofMinutes(15));
            long count = starts.stream().filter(t -> !t.isBefore(firstDue) && t.isBefore(from.plus(window))).count();
            if (count > bestCount) {
                bestCount = count;
                best = from;
            }
        }
        return best;
    }
}
