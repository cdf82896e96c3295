package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.generate.OrgGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadsTest {
    private static final String USERS = "GET /api/v2/users";
    private static final String CODES = "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}/activitycodes";
    private static final String DEFINITIONS = "GET /api/v2/presence/definitions";

    @Test
    void businessAndManagementUnits() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            var simBu = h.sim.org().businessUnits().get(0);
            assertThat(client.businessUnit(simBu.id())).isEqualTo(new BusinessUnit(simBu.id(), simBu.name(), simBu.timeZone()));

            var simMus = h.sim.org().managementUnits(simBu.id());
            List<ManagementUnit> mus = client.managementUnits(simBu.id());
            assertThat(mus).extracting(ManagementUnit::id).containsExactlyElementsOf(simMus.stream().map(m -> m.id()).toList());
            assertThat(mus).allMatch(mu -> mu.businessUnitId().equals(simBu.id()));

            var simMu = simMus.get(0);
            assertThat(client.managementUnit(simMu.id())).isEqualTo(new ManagementUnit(simMu.id(), simMu.name(), simBu.id()));
            assertThat(client.managementUnitUsers(simMu.id())).containsExactlyInAnyOrderElementsOf(simMu.userIds());
        }
    }

    @Test
    void activityCodesIncludeGuidCustomCodesAndAreCachedForTheTtl() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.clientBuilder().cacheTtl(Duration.ofMinutes(5)).build();
            String bu = h.businessUnitId();
            List<ActivityCode> codes = client.activityCodes(bu);

            var expected = h.sim.org().activityCodes(bu);
            assertThat(codes).hasSize(expected.size());
            for (var simCode : expected) {
                ActivityCode code = codes.stream().filter(c -> c.id().equals(simCode.id())).findFirst().orElseThrow();
                assertThat(code.name()).isEqualTo(simCode.name());
                assertThat(code.active()).isEqualTo(simCode.active());
                assertThat(code.category()).isEqualTo(ActivityCategory.parse(simCode.category().name()).orElseThrow());
            }
            assertThat(codes).anySatisfy(c -> {
                assertThat(c.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(c.category()).isEqualTo(ActivityCategory.BREAK);
            });

            client.activityCodes(bu);
            assertThat(h.calls(CODES)).isEqualTo(1);
            h.sim.clock().advance(Duration.ofMinutes(6));
            client.activityCodes(bu);
            assertThat(h.calls(CODES)).isEqualTo(2);
        }
    }

    @Test
    void presenceDefinitionsResolveByLabel() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            List<PresenceDefinition> definitions = client.presenceDefinitions();
            PresenceCatalog catalog = PresenceCatalog.of(definitions);

            PresenceDefinition preBreak = catalog.resolve(OrgGenerator.PRE_BREAK_LABEL).orElseThrow();
            assertThat(preBreak.system()).isFalse();
            assertThat(preBreak.systemPresence()).isEqualTo(SystemPresence.BREAK);
            assertThat(preBreak.id()).isEqualTo(h.sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL)
                    .orElseThrow().id());
            PresenceDefinition onQueue = catalog.onQueue().orElseThrow();
            assertThat(onQueue.id()).isEqualTo("e08eaf1b-ee47-4fa9-a231-1200e284798f");
            assertThat(onQueue.system()).isTrue();

            client.presenceDefinitions();
            assertThat(h.calls(DEFINITIONS)).isEqualTo(1);
        }
    }

    @Test
    void agentStatesInBatchesOfFiftyLeavingOutUnknownUsers() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            List<String> users = new ArrayList<>(h.sim.org().userIds().subList(0, 120));
            users.add("00000000-0000-0000-0000-000000000000");

            Map<String, AgentState> states = client.agentStates(users);
            assertThat(h.calls(USERS)).isEqualTo(3);
            assertThat(states).hasSize(120).doesNotContainKey("00000000-0000-0000-0000-000000000000");
            for (String id : users.subList(0, 120)) {
                var truth = h.sim.org().requireState(id);
                AgentState state = states.get(id);
                assertThat(state.presenceId()).isEqualTo(truth.presence().id());
                assertThat(state.routingStatus()).isNotNull();
                assertThat(state.routingStatus().name()).isEqualTo(truth.routingStatus().name());
                assertThat(state.systemPresence()).isNotNull();
                assertThat(state.presenceModifiedAt()).as("modifiedDate, to settle uncertain writes").isEqualTo(truth.presenceModified());
            }
            assertThat(client.agentStates(List.of())).isEmpty();
            assertThat(h.calls(USERS)).isEqualTo(3);
        }
    }
}
