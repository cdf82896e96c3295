package dev.prebreak.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.cli.SimConfig;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.ActionResult;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.core.tick.UpcomingAction;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

/**
 * The status page in a real headless Chromium, against the simulator: after a simulated hour of the
 * daemon it lists the pre-breaks the engine expects in the next 30 minutes (with the agents' names from
 * the simulated org, their activity and the start in the unit's time zone) and every change of the day;
 * after the next tick it has updated itself, with no reload by the test.
 *
 * <p>{@code -Dprebreak.screenshot=FILE} also saves a picture of the page at laptop size (the README's), and
 * {@code -Dprebreak.screenshot.phone=FILE} one at a phone's width.
 */
class StatusPageBrowserTest {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

    @Test
    void showsTheSimulatorsUpcomingPreBreaksAndTodaysChangesAndUpdatesAfterTheNextTick() throws Exception {
        // A day well away from today, computed rather than fixed, so no scenario date ever meets the real clock.
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        OrgSpec spec = OrgSpec.of(160, 11, day);
        Instant origin = busiestHour(spec);
        SimClock clock = SimClock.fixed(origin);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(spec).build().start()) {
            String bu = sim.org().businessUnits().get(0).id();
            ZoneId zone = sim.org().businessUnits().get(0).timeZone();
            Config config = new ConfigLoader(Map.of("SIM_SECRET", sim.clientSecret()))
                    .parse(SimConfig.connection(sim, List.of(bu), "env:SIM_SECRET"), "test configuration");
            GenesysClient genesys = GenesysClient.builder().region(config.genesys().region())
                    .credentials(sim.clientId(), sim.clientSecret()).clock(clock).sleeper(clock::advance).build();
            Engine engine = new Engine(config, genesys, new InMemoryStateStore(), record -> { }, clock);
            Pause pause = target -> clock.set(target.isAfter(clock.instant()) ? target : clock.instant());
            List<TickReport> reports = Collections.synchronizedList(new ArrayList<>());
            try (StatusServer status = new StatusServer("127.0.0.1", 0, engine, clock, config.tick(),
                    new StatusServer.Options(genesys, config.rules(), Optional.empty(), Duration.ofSeconds(1)));
                 HeadlessChromium chromium = HeadlessChromium.start(1280, 900)) {
                TickListener both = new TickListener() {
                    @Override
                    public void ticked(TickReport report) {
                        reports.add(report);
                        status.ticked(report);
                    }

                    @Override
                    public void failed(Instant at, RuntimeException error) {
                        status.failed(at, error);
                        throw new AssertionError("a tick failed", error);
                    }
                };
                Instant hourLater = origin.plus(Duration.ofHours(1));
                new Daemon(engine, clock, config.tick(), pause, both).run(hourLater);
                assertThat(reports).hasSize(60).noneMatch(TickReport::failed);

                chromium.driver.get("http://127.0.0.1:" + status.port() + "/");
                assertThat(chromium.driver.getTitle()).isEqualTo("prebreak ok");
                assertPageMatches(chromium, engine.upcoming(), reports, sim.org(), zone);
                String lastTick = (String) read(chromium).get("last");
                assertThat(lastTick).startsWith(origin.plus(Duration.ofMinutes(59)).atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss")));

                screenshot(chromium, System.getProperty("prebreak.screenshot"), 1280, 1500);
                screenshot(chromium, System.getProperty("prebreak.screenshot.phone"), 390, 1700);

                // The same hour in /metrics: every API call counted by route template, none by raw id.
                PrometheusText metrics = MetricsTest.scrape(status);
                MetricsTest.conventions(metrics);
                double calls = metrics.samples.entrySet().stream().filter(e -> e.getKey().startsWith("prebreak_api_calls_total{"))
                        .mapToDouble(Map.Entry::getValue).sum();
                assertThat(calls).isEqualTo(genesys.usage().calls());
                assertThat(metrics.samples).containsKey("prebreak_api_calls_total{endpoint=\"/api/v2/workforcemanagement/businessunits/{id}"
                        + "/agentschedules/search\",method=\"POST\",status=\"200\"}");
                assertThat(metrics.value("prebreak_ticks_total{outcome=\"ok\"}")).isEqualTo(60);
                assertThat(metrics.value("prebreak_changes_total{kind=\"pre_break\",outcome=\"applied\"}")).isEqualTo(
                        reports.stream().mapToLong(r -> r.count(Outcome.APPLIED).getOrDefault(ActionKind.PRE_BREAK, 0)).sum());

                // The next tick: the open page fetches itself again and shows it, with no reload by the test.
                clock.set(hourLater);
                new Daemon(engine, clock, config.tick(), pause, both).run(hourLater.plusSeconds(30));
                assertThat(reports).hasSize(61);
                String expected = hourLater.atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
                HeadlessChromium.await("the page to show the tick at " + expected, Duration.ofSeconds(20), () ->
                        String.valueOf(read(chromium).get("last")).startsWith(expected));
                assertPageMatches(chromium, engine.upcoming(), reports, sim.org(), zone);
            }
        }
    }

    /**
     * What the page shows, read in one script run: the page swaps its content every second, so elements
     * found one by one could belong to two versions of it.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(HeadlessChromium chromium) {
        return (Map<String, Object>) chromium.driver.executeScript(String.join("\n",
                "function t(e){return e?e.textContent.trim():null;}",
                "var up=[].map.call(document.querySelectorAll('#upcoming tr.upcoming'),function(r){",
                "  return [r.dataset.user,t(r.querySelector('.name'))].concat([].map.call(r.cells,function(c){return c.innerText.trim();}),",
                "    [t(r.querySelector('.eligible'))]);});",
                "var ch=[].map.call(document.querySelectorAll('table.changes tr.change'),function(r){",
                "  return [r.dataset.user,t(r.querySelector('.name'))];});",
                "return {up:up,ch:ch,count:t(document.querySelector('#upcoming h2 .count')),",
                "  applied:t(document.querySelector(\".tile[data-outcome='applied'] b\")),last:t(document.querySelector('.unit .last-tick'))};"));
    }

    @SuppressWarnings("unchecked")
    private static void assertPageMatches(HeadlessChromium chromium, List<UpcomingAction> upcoming, List<TickReport> reports,
                                          Org org, ZoneId zone) {
        Map<String, Object> page = read(chromium);
        assertThat(upcoming).as("the simulated hour leaves pre-breaks due in the next 30 minutes").isNotEmpty();
        List<List<String>> rows = (List<List<String>>) page.get("up");
        assertThat(rows).hasSize(Math.min(upcoming.size(), StatusPage.MAX_ROWS));
        assertThat(page.get("count")).isEqualTo(String.valueOf(upcoming.size()));
        for (int i = 0; i < rows.size(); i++) {
            UpcomingAction u = upcoming.get(i);
            List<String> row = rows.get(i); // user, name, then the cells: agent, activity, start, pre-break, rule, eligible; then eligible
            assertThat(row.get(0)).isEqualTo(u.userId());
            assertThat(row.get(1)).as("agent name").isEqualTo(org.requireState(u.userId()).name());
            assertThat(row.get(3)).as("activity").isNotBlank().isEqualTo(u.activityName());
            assertThat(row.get(4)).as("start, in the unit's time zone").isEqualTo(u.activityStart().atZone(zone).format(CLOCK));
            assertThat(row.get(5)).startsWith(u.triggerAt().atZone(zone).format(CLOCK));
            assertThat(row.get(6)).isEqualTo(u.ruleName());
            String eligible = row.get(8);
            assertThat(eligible).as("eligibility of %s, read after the tick", u.userId()).isIn("yes", "no");
            if (eligible.equals("yes")) {
                assertThat(org.requireState(u.userId()).presence().id()).isEqualTo(dev.prebreak.sim.org.PresenceDefinition.ON_QUEUE_ID);
            }
        }

        List<ActionResult> changes = reports.stream().flatMap(r -> r.results().stream()).collect(Collectors.toList());
        long applied = changes.stream().filter(r -> r.outcome() == Outcome.APPLIED && r.action().kind() == ActionKind.PRE_BREAK).count();
        assertThat(applied).as("the hour set agents to Pre-Break").isPositive();
        assertThat(page.get("applied")).isEqualTo(String.valueOf(applied));
        List<List<String>> listed = (List<List<String>>) page.get("ch");
        assertThat(listed).hasSize(Math.min(changes.size(), StatusPage.MAX_ROWS));
        assertThat(listed.stream().map(r -> r.get(0)).sorted().toList())
                .isEqualTo(changes.stream().map(r -> r.action().userId()).sorted().limit(StatusPage.MAX_ROWS).toList());
        for (List<String> row : listed) {
            assertThat(row.get(1)).isEqualTo(org.requireState(row.get(0)).name());
        }
    }

    private static void screenshot(HeadlessChromium chromium, String file, int width, int maxHeight) throws Exception {
        if (file == null || file.isBlank()) {
            return;
        }
        // The top of the page, as far as the document or maxHeight reaches, at the given CSS width.
        chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        Number height = (Number) chromium.driver.executeScript("return document.documentElement.scrollHeight");
        chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, Math.min(maxHeight, height.intValue())));
        Path target = Path.of(file);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, chromium.driver.getScreenshotAs(OutputType.BYTES));
        chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    /** The start of the hour of the day (on the half hour) in which most breaks and meals of the first unit become due. */
    private static Instant busiestHour(OrgSpec spec) {
        Org org = dev.prebreak.sim.generate.OrgGenerator.generate(spec, java.time.Clock.systemUTC());
        String bu = org.businessUnits().get(0).id();
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
        Instant midnight = spec.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant best = midnight.plus(Duration.ofHours(12));
        long most = -1;
        for (int half = 0; half < 46; half++) {
            Instant from = midnight.plus(Duration.ofMinutes(30L * half));
            // Due within the hour, and more due in the half hour after it, for the list of upcoming ones.
            long n = starts.stream().filter(t -> t.isAfter(from.plus(Duration.ofMinutes(20))) && t.isBefore(from.plus(Duration.ofMinutes(100)))).count();
            if (n > most) {
                most = n;
                best = from;
            }
        }
        return best;
    }
}
