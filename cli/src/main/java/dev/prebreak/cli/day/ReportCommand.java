package dev.prebreak.cli.day;

import dev.prebreak.cli.AuditFile;
import dev.prebreak.cli.ExitCode;
import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditSource;
import dev.prebreak.core.audit.AuditTable;
import dev.prebreak.core.audit.AuditTables;
import dev.prebreak.core.audit.AuditUnreadableException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "What prebreak did on a day, from its audit: the file serve and run write with --audit, or the"
                + " DynamoDB table the Lambda writes. Counts by kind and outcome, by rule and hour, and per agent with"
                + " --agent. The day is today in each business unit's time zone unless --date says.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was printed (also when the day has no records)", "1:the audit could not be read",
                "2:bad usage"})
public final class ReportCommand implements Callable<Integer> {
    /** What {@code --agent} alone means: every agent, a row each. */
    static final String EVERY_AGENT = "*";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--audit", paramLabel = "FILE", required = true,
                description = "The audit file (JSON lines) that serve or run wrote with --audit")
        Path file;

        @Option(names = "--table", paramLabel = "NAME", required = true,
                description = "The Lambda's DynamoDB state table (output StateTableName / state_table); needs --unit,"
                        + " and prebreak's aws module on the class path (see the README)")
        String table;
    }

    @Option(names = "--region", paramLabel = "REGION", description = "The table's AWS region (default: AWS_REGION, or the profile's)")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", hidden = true, description = "Another DynamoDB endpoint (DynamoDB Local)")
    URI endpoint;

    @Option(names = "--unit", paramLabel = "ID", description = "Only this business unit (repeatable); the table is read one unit at a time")
    List<String> units = new ArrayList<>();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day to report (default: today in the unit's time zone)")
    LocalDate date;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Read the day in this time zone (default: the unit's, as its audit records name it)")
    ZoneId zone;

    @Option(names = "--agent", paramLabel = "NAME|ID", arity = "0..1", fallbackValue = EVERY_AGENT,
            description = "A row per agent; with a name (any part of it) or an id, only those agents, with their records")
    String agent;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--csv", description = "One CSV table of counts (unit, date, rule, hour, kind, outcome; agent with --agent)")
        boolean csv;

        @Option(names = "--json", description = "JSON")
        boolean json;
    }

    @Spec
    CommandSpec spec;

    private final Clock clock;

    /** Today by this machine's clock. */
    public ReportCommand() {
        this(Clock.systemUTC());
    }

    /** Today by {@code clock} (tests). */
    public ReportCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (source.table != null && units.isEmpty()) {
            err.println("--table needs --unit ID (repeatable): the table keeps each business unit's audit apart,"
                    + " and cannot list its units without reading every item");
            return ExitCode.BAD_CONFIG;
        }
        Optional<AuditSource> opened = open(err);
        if (opened.isEmpty()) {
            return ExitCode.BAD_CONFIG;
        }
        String sourceName = source.file != null ? source.file.toString() : "table " + source.table;
        List<AuditRecord> records;
        try (AuditSource audit = opened.get()) {
            // Today differs between zones by up to a day either way: read wide, then cut each unit's own day.
            LocalDate anchor = date != null ? date : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            Instant from = Day.earliestStart(date != null ? date : anchor.minusDays(1));
            Instant to = Day.latestEnd(date != null ? date : anchor.plusDays(1));
            records = audit.read(new LinkedHashSet<>(units), from, to);
            if (audit instanceof AuditFile file && file.unreadableLines() > 0) {
                err.println("warning: " + file.unreadableLines() + " lines of " + source.file
                        + " are not audit records (a line cut short by a crash, say) and were passed over");
            }
        } catch (AuditUnreadableException e) {
            err.println("cannot read the audit: " + e.getMessage());
            return ExitCode.TICK_FAILED;
        }
        DayReport report = report(records);
        if (format.json) {
            DayJson.print(report, out);
        } else if (format.csv) {
            DayCsv.print(report, out);
        } else {
            if (agent != null && !agent.equals(EVERY_AGENT) && report.units().stream().allMatch(u -> u.records().isEmpty())) {
                out.println("no records of an agent matching '" + agent + "' in " + sourceName + " that day");
            } else {
                DayText.print(report, sourceName, out);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private Optional<AuditSource> open(PrintWriter err) {
        if (source.file != null) {
            return Optional.of(new AuditFile(source.file));
        }
        Optional<AuditTables> tables = ServiceLoader.load(AuditTables.class).findFirst();
        if (tables.isEmpty()) {
            err.println("reading a DynamoDB table needs prebreak's aws module on the class path (this build of the"
                    + " command keeps no AWS SDK): see 'prebreak report' in the README for the command line that adds it");
            return Optional.empty();
        }
        try {
            return Optional.of(tables.get().open(new AuditTable(source.table, region, endpoint)));
        } catch (AuditUnreadableException e) {
            err.println("cannot read the audit: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Each unit's day (today in its own zone unless --date), its records that day, narrowed to --agent. */
    DayReport report(List<AuditRecord> records) {
        Map<String, List<AuditRecord>> byUnit = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        units.forEach(u -> byUnit.put(u, new ArrayList<>()));
        records.forEach(r -> byUnit.computeIfAbsent(r.businessUnitId(), u -> new ArrayList<>()).add(r));
        List<UnitDay> days = new ArrayList<>();
        byUnit.forEach((unit, theirs) -> {
            ZoneId unitZone = zone != null ? zone : zoneOf(theirs);
            Day day = new Day(date != null ? date : LocalDate.now(clock.withZone(unitZone)), unitZone);
            List<AuditRecord> that = theirs.stream().filter(r -> day.contains(r.at())).filter(this::wanted).toList();
            if (!that.isEmpty() || units.contains(unit)) {
                days.add(new UnitDay(unit, day, that));
            }
        });
        boolean named = agent != null && !agent.equals(EVERY_AGENT);
        return new DayReport(days, agent != null, named);
    }

    private boolean wanted(AuditRecord r) {
        if (agent == null || agent.equals(EVERY_AGENT)) {
            return true;
        }
        String asked = agent.toLowerCase(Locale.ROOT);
        return r.userId().equalsIgnoreCase(agent) || r.agentName().toLowerCase(Locale.ROOT).contains(asked);
    }

    /**
     * The unit's time zone as its latest record names it. Records without one read as UTC, so a zone other
     * than UTC wins over it: a unit really in UTC loses nothing by that.
     */
    private static ZoneId zoneOf(List<AuditRecord> records) {
        ZoneId found = ZoneOffset.UTC;
        for (AuditRecord r : records) {
            if (!r.timeZone().normalized().equals(ZoneOffset.UTC)) {
                found = r.timeZone();
            }
        }
        return found;
    }
}
