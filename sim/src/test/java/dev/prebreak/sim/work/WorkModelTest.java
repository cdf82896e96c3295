package dev.prebreak.sim.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.ActivityCategory;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.RoutingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The queue model: deterministic, agents finish their work before a break, and the API shows the work. */
class WorkModelTest {
    // A fixed scenario day on the simulator's virtual clock only: nothing here meets the real clock.
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final Instant START = Instant.parse("2026-11-24T11:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(4));

    record Run(List<Interaction> interactions, List<BreakTaken> breaks) {
    }

    static Run run(CentreSpec centre, long seed, boolean preBreakEveryone) {
        SimClock clock = SimClock.fixed(START);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(OrgSpec.of(200, 7, DAY).withBusinessUnits(1, 1)).build()) {
            Org org = sim.org();
            WorkModel model = WorkModel.attach(org, centre, seed, START, END);
            String preBreak = org.presenceDefinitionByLabel("Pre-Break").orElseThrow().id();
            for (Instant t = START; t.isBefore(END); t = t.plusSeconds(60)) {
                clock.set(t);
                model.advanceTo(t);
                if (preBreakEveryone) {
                    for (BreakTakenSoon soon : dueWithin(org, t, Duration.ofMinutes(10))) {
                        org.setPresence(soon.user, preBreak, "test", "test");
                    }
                }
            }
            clock.set(END);
            model.advanceTo(END);
            return new Run(model.interactions(), model.breaks());
        }
    }

    record BreakTakenSoon(String user) {
    }

    /** On Queue agents whose Break or Meal starts within {@code lead}. */
    static List<BreakTakenSoon> dueWithin(Org org, Instant now, Duration lead) {
        java.util.Set<String> breakCodes = org.businessUnits().stream().flatMap(bu -> org.activityCodes(bu.id()).stream())
                .filter(c -> c.category() == ActivityCategory.Break || c.category() == ActivityCategory.Meal)
                .map(ActivityCode::id).collect(Collectors.toSet());
        return org.userIds().stream().filter(u -> org.requireState(u).presence().onQueue())
                .filter(u -> org.shifts(u).stream().flatMap(s -> s.activities().stream())
                        .anyMatch(a -> breakCodes.contains(a.activityCodeId())
                                && a.startDate().isAfter(now) && !a.startDate().isAfter(now.plus(lead))))
                .map(BreakTakenSoon::new).toList();
    }

    @Test
    void theSameSeedGivesTheSameDay() {
        Run a = run(CentreSpec.chatHeavy(), 3, false);
        Run b = run(CentreSpec.chatHeavy(), 3, false);
        assertThat(a.interactions()).isNotEmpty().isEqualTo(b.interactions());
        assertThat(a.breaks()).isNotEmpty().isEqualTo(b.breaks());
        assertThat(run(CentreSpec.chatHeavy(), 4, false).interactions()).isNotEqualTo(a.interactions());
    }

    @Test
    void arrivalsAndTheirDrawsDoNotDependOnWhatAgentsDo() {
        Run plain = run(CentreSpec.voiceHeavy(), 5, false);
        Run early = run(CentreSpec.voiceHeavy(), 5, true);
        assertThat(early.interactions().stream().map(i -> i.offered() + i.queue()).toList())
                .isEqualTo(plain.interactions().stream().map(i -> i.offered() + i.queue()).toList());
        assertThat(early.breaks().stream().filter(b -> (!b.capacityLost().isZero() && !b.capacityLost().isNegative()))).isNotEmpty();
        assertThat(plain.breaks()).allSatisfy(b -> assertThat(b.capacityLost()).isZero());
    }

    @Test
    void aBreakStartsWhenTheLastInteractionIsWrappedUpNeverBeforeItsTime() {
        Run run = run(CentreSpec.chatHeavy(), 9, false);
        Map<String, List<Interaction>> byAgent = run.interactions().stream().filter(i -> i.agentId() != null)
                .collect(Collectors.groupingBy(Interaction::agentId));
        List<BreakTaken> started = run.breaks().stream().filter(b -> b.actualStart() != null).toList();
        assertThat(started).isNotEmpty();
        assertThat(started.stream().filter(b -> !b.lateness().isZero() && !b.lateness().isNegative())).as("some breaks start late").isNotEmpty();
        for (BreakTaken b : started) {
            assertThat(b.actualStart()).isAfterOrEqualTo(b.scheduledStart());
            for (Interaction i : byAgent.getOrDefault(b.userId(), List.of())) {
                // No interaction of theirs is answered during the break or held across its start.
                boolean answeredDuring = i.answered().isAfter(b.actualStart()) && b.end() != null && i.answered().isBefore(b.end());
                boolean heldAcross = i.answered().isBefore(b.actualStart()) && i.acwEnded() != null && i.acwEnded().isAfter(b.actualStart());
                assertThat(answeredDuring || heldAcross).as("%s during %s", i, b).isFalse();
                // Nothing new once the break is due (and remembered, for the few who forget).
                Instant due = b.scheduledStart().plus(b.forgot());
                assertThat(!i.answered().isBefore(due) && i.answered().isBefore(b.actualStart()))
                        .as("%s answered while %s was due", i, b).isFalse();
            }
        }
        for (Interaction i : run.interactions()) {
            assertThat(i.answered() != null || i.abandoned() != null || i.offered().isAfter(END.minus(Duration.ofMinutes(30))))
                    .as("answered or abandoned: %s", i).isTrue();
        }
    }

    @Test
    void genesysShowsTheWorkAsConversationSummaryAndRoutingStatus() throws Exception {
        SimClock clock = SimClock.fixed(START);
        try (Simulator sim = Simulator.builder().clock(clock).orgSpec(OrgSpec.of(100, 7, DAY).withBusinessUnits(1, 1)).build().start()) {
            Org org = sim.org();
            WorkModel.attach(org, CentreSpec.chatHeavy(), 1, START, END);
            clock.set(START.plus(Duration.ofMinutes(30)));
            String busy = org.userIds().stream().filter(u -> org.requireState(u).routingStatus() == RoutingStatus.INTERACTING)
                    .findFirst().orElseThrow();
            AgentState state = org.requireState(busy);
            HttpClient http = HttpClient.newHttpClient();
            String token = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/oauth/token"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (sim.clientId() + ":" + sim.clientSecret()).getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
            JsonNode user = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                    + "/api/v2/users?id=" + busy + "&expand=presence,routingStatus,conversationSummary"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("entities").get(0);
            assertThat(user.at("/routingStatus/status").asText()).isEqualTo("INTERACTING");
            assertThat(Instant.parse(user.at("/routingStatus/startTime").asText())).isEqualTo(state.routingSince()
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            int held = 0;
            for (String media : List.of("call", "callback", "chat", "message", "email")) {
                held += user.at("/conversationSummary/" + media + "/contactCenter/active").asInt()
                        + user.at("/conversationSummary/" + media + "/contactCenter/acw").asInt();
            }
            assertThat(held).isBetween(1, 3);
            // The control API has the ground truth.
            JsonNode truth = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                    + "/_sim/work/interactions?userId=" + busy)).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(truth.get("total").asInt()).isPositive();
            JsonNode breaks = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                    + "/_sim/work/breaks")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(breaks.has("entities")).isTrue();
            assertThat(org.requireState(busy).presence().id()).isNotEqualTo(PresenceDefinition.OFFLINE_ID);
        }
    }
}
