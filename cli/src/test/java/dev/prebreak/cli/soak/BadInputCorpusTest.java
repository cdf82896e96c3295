package dev.prebreak.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.audit.AuditRecord;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.http.FaultKind;
import dev.prebreak.sim.http.ScriptedFault;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Bad answers from Genesys, one endpoint at a time, at a moment when pre-breaks are due: each must end
 * in a clear failure (a {@link GatewayException} whose message names the call) and no presence write.
 * Truncated JSON comes from the simulator's malformed fault; shapes it cannot produce (wrong types,
 * unknown enum values, huge pages) from a rewriting proxy in front of it.
 */
class BadInputCorpusTest {
    private static final OrgSpec SPEC = OrgSpec.of(60, 23, LocalDate.of(2026, 11, 24));
    private static final Instant DUE = busiestTrigger();

    private final List<AuditRecord> audit = Collections.synchronizedList(new ArrayList<>());

    @ParameterizedTest
    @ValueSource(strings = {"getPresenceDefinitions0", "getWorkforcemanagementBusinessunit",
            "getWorkforcemanagementBusinessunitManagementunits", "getWorkforcemanagementManagementunitUsers",
            "getWorkforcemanagementBusinessunitActivitycodes", "postWorkforcemanagementBusinessunitAgentschedulesSearch",
            "getUsers", "postOauthToken"})
    void truncatedJsonFailsTheTickNamingTheCallAndWritesNothing(String endpoint) {
        try (Simulator sim = simulator()) {
            sim.faults().script(ScriptedFault.of(endpoint, 1, FaultKind.MALFORMED));
            String failure = failureOf(sim, sim.baseUrl());
            assertThat(failure).containsAnyOf("malformed", "not valid JSON").containsAnyOf("GET /", "POST ");
            assertThat(sim.presenceLog().all()).isEmpty();
            assertThat(audit).noneMatch(r -> r.outcome() == Outcome.APPLIED);
        }
    }

    @Test
    void aFieldOfTheWrongTypeInTheScheduleIsRefused() throws Exception {
        assertRefused(Pattern.compile("POST .*/agentschedules/search"),
                body -> body.replaceAll("\"lengthMinutes\":(\\d+)", "\"lengthMinutes\":\"$1\""),
                "POST /api/v2/workforcemanagement/businessunits/");
    }

    @Test
    void anUnknownScheduleSearchStatusIsRefused() throws Exception {
        assertRefused(Pattern.compile("POST .*/agentschedules/search"),
                body -> body.replace("\"status\":\"Complete\"", "\"status\":\"Sideways\""),
                "POST /api/v2/workforcemanagement/businessunits/");
    }

    @Test
    void anUnknownPresenceCategoryNeverBecomesAWrongWrite() throws Exception {
        // A system presence nobody documented: the agent's state is not understood, so nobody is touched.
        try (Simulator sim = simulator();
             RewritingProxy proxy = new RewritingProxy(sim.baseUrl(), Pattern.compile("GET /api/v2/users"),
                     body -> body.replace("\"systemPresence\":\"On Queue\"", "\"systemPresence\":\"Teleporting\"")
                             .replace("\"systemPresence\":\"ON_QUEUE\"", "\"systemPresence\":\"TELEPORTING\""))) {
            outcome(sim, proxy.baseUrl());
            assertThat(sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void anUnknownRoutingStatusNeverBecomesAWrongWrite() throws Exception {
        try (Simulator sim = simulator();
             RewritingProxy proxy = new RewritingProxy(sim.baseUrl(), Pattern.compile("GET /api/v2/users"),
                     body -> body.replaceAll("\"status\":\"(IDLE|INTERACTING)\"", "\"status\":\"DAYDREAMING\""))) {
            outcome(sim, proxy.baseUrl());
            assertThat(sim.presenceLog().all()).isEmpty();
        }
    }

    @Test
    void aHugePageOfPresenceDefinitionsIsReadAndChangesNothingElse() throws Exception {
        // 20,000 retired definitions in one page (far beyond the 100 asked for): read, ignored, and the
        // right agents still get the right presence.
        String extra = IntStream.range(0, 20_000).mapToObj(i -> "{\"id\":\"retired-" + i + "\",\"name\":\"Retired " + i
                + "\",\"type\":\"User\",\"systemPresence\":\"Away\",\"deactivated\":true,\"primary\":false,\"languageLabels\":{\"en_US\":\"Retired "
                + i + "\"}}").collect(Collectors.joining(","));
        try (Simulator sim = simulator();
             RewritingProxy proxy = new RewritingProxy(sim.baseUrl(), Pattern.compile("GET /api/v2/presence/definitions"),
                     body -> body.replaceFirst("\"entities\":\\[", "\"entities\":[" + extra + ","))) {
            Object outcome = outcome(sim, proxy.baseUrl());
            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(TickReport.class);
            TickReport report = (TickReport) outcome;
            assertThat(report.failed()).as(String.valueOf(report.failures())).isFalse();
            assertThat(sim.presenceLog().all()).isNotEmpty().allMatch(c -> c.fromSystemPresence().name().equals("ON_QUEUE"));
        }
    }

    /**
     * The write lands but its answer is garbled: prebreak cannot know the outcome from the answer. By the
     * next tick, every write that landed must have its APPLIED audit record (and so its state record,
     * which a later revert depends on), and none may be written twice.
     */
    @Test
    void aGarbledAnswerToTheWriteIsStillAccountedFor() {
        try (Simulator sim = simulator()) {
            sim.faults().script(ScriptedFault.of("putUsersPresencesBulk", 1, FaultKind.MALFORMED));
            Engine engine = engine(sim, sim.baseUrl());
            tickQuietly(engine, sim.clock().instant());
            assertThat(sim.presenceLog().all()).as("the garbled write landed").isNotEmpty();
            sim.clock().advance(Duration.ofSeconds(60));
            tickQuietly(engine, sim.clock().instant());
            long written = sim.presenceLog().all().size();
            long applied = audit.stream().filter(r -> r.outcome() == Outcome.APPLIED).count();
            assertThat(applied).as("APPLIED audit records for the writes that landed").isEqualTo(written);
        }
    }

    private void assertRefused(Pattern call, UnaryOperator<String> rewrite, String namedCall) throws Exception {
        try (Simulator sim = simulator(); RewritingProxy proxy = new RewritingProxy(sim.baseUrl(), call, rewrite)) {
            String failure = failureOf(sim, proxy.baseUrl());
            assertThat(failure).contains(namedCall).contains("malformed");
            assertThat(sim.presenceLog().all()).isEmpty();
        }
    }

    /** The failure of one tick at a moment pre-breaks are due: a thrown exception or a failed unit. */
    private String failureOf(Simulator sim, URI base) {
        Object outcome = outcome(sim, base);
        if (outcome instanceof GatewayException e) {
            return e.getMessage();
        }
        TickReport report = (TickReport) outcome;
        assertThat(report.failed()).as("the tick must fail").isTrue();
        return String.join("; ", report.failures());
    }

    private Object outcome(Simulator sim, URI base) {
        Engine engine = engine(sim, base);
        return tickQuietly(engine, sim.clock().instant());
    }

    private static Object tickQuietly(Engine engine, Instant now) {
        try {
            return engine.tick(now, now.plus(Duration.ofSeconds(60)));
        } catch (GatewayException e) {
            return e;
        }
    }

    private Engine engine(Simulator sim, URI base) {
        SimClock clock = sim.clock();
        Config config = new ConfigLoader(Map.of("SIM_SECRET", sim.clientSecret())).parse(String.join("\n",
                "genesys:",
                "  region: " + base,
                "  clientId: " + sim.clientId(),
                "  clientSecret: env:SIM_SECRET",
                "scope:",
                "  businessUnits: [" + sim.org().businessUnits().get(0).id() + "]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Meal]",
                "    lead: 10m",
                "    presence: Pre-Break",
                ""), "corpus configuration");
        GenesysClient client = GenesysClient.builder().region(base.toString()).credentials(sim.clientId(), sim.clientSecret())
                .clock(clock).sleeper(clock::advance).jitterSeed(1).build();
        return new Engine(config, client, new InMemoryStateStore(), audit::add, clock);
    }

    private static Simulator simulator() {
        return Simulator.builder().clock(SimClock.fixed(DUE)).orgSpec(SPEC).rateLimitPerMinute(0).build().start();
    }

    /** Five minutes before the quarter hour in which most breaks and meals start: many are due then. */
    private static Instant busiestTrigger() {
        Org org = OrgGenerator.generate(SPEC, Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), java.time.ZoneOffset.UTC));
        Map<Instant, Integer> starts = new TreeMap<>();
        for (String user : org.userIds()) {
            for (Shift s : org.shifts(user)) {
                for (Activity a : s.activities()) {
                    if (a.description().contains("Break") || a.description().contains("Meal")
                            || a.description().contains("Lunch")) {
                        starts.merge(a.startDate(), 1, Integer::sum);
                    }
                }
            }
        }
        Instant busiest = starts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return busiest.minus(Duration.ofMinutes(5));
    }
}
