package dev.prebreak.sim;

import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.PresenceApi;
import com.mypurecloud.sdk.v2.api.UsersApi;
import com.mypurecloud.sdk.v2.api.WorkforceManagementApi;
import com.mypurecloud.sdk.v2.model.BuAsyncAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuSearchAgentSchedulesRequest;
import com.mypurecloud.sdk.v2.model.BusinessUnitListing;
import com.mypurecloud.sdk.v2.model.BusinessUnitResponse;
import com.mypurecloud.sdk.v2.model.MutableUserPresence;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinition;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinitionEntityListing;
import com.mypurecloud.sdk.v2.model.PresenceDefinition;
import com.mypurecloud.sdk.v2.model.RoutingStatus;
import com.mypurecloud.sdk.v2.model.UcUserPresence;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import com.mypurecloud.sdk.v2.model.UserPresence;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.org.PresenceChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official Java SDK, pointed at the simulator, drives the operations prebreak uses. */
class SdkDrivesSimulatorTest {
    private static Simulator sim;
    private static ApiClient client;
    private static String buId;
    private static List<String> users;

    @BeforeAll
    static void start() {
        sim = Fixtures.simulator().build().start();
        // The SDK's own login helper always goes to an https login. host, so fetch the token separately.
        String token = new SimHttp(sim).token();
        client = ApiClient.Builder.standard().withBasePath(sim.baseUrl().toString()).withAccessToken(token)
                .withShouldRefreshAccessToken(false).build();
        buId = sim.org().businessUnits().get(0).id();
        users = sim.org().userIdsInBusinessUnit(buId);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void workforceManagement() throws Exception {
        WorkforceManagementApi wfm = new WorkforceManagementApi(client);
        BusinessUnitListing bus = wfm.getWorkforcemanagementBusinessunits(null, null);
        assertThat(bus.getEntities()).hasSize(2);
        BusinessUnitResponse bu = wfm.getWorkforcemanagementBusinessunit(buId, List.of("settings.timeZone"));
        assertThat(bu.getSettings().getTimeZone()).isNotBlank();
        assertThat(wfm.getWorkforcemanagementBusinessunitActivitycodes(buId, null).getEntities()).isNotEmpty();

        BuSearchAgentSchedulesRequest request = new BuSearchAgentSchedulesRequest()
                .startDate(Date.from(Fixtures.T0)).endDate(Date.from(Fixtures.T0.plusSeconds(2 * 3600)))
                .userIds(users.subList(0, 20));
        BuAsyncAgentSchedulesSearchResponse found = wfm.postWorkforcemanagementBusinessunitAgentschedulesSearch(buId,
                false, false, request);
        assertThat(found.getStatus()).isEqualTo(BuAsyncAgentSchedulesSearchResponse.StatusEnum.COMPLETE);
        assertThat(found.getResult().getAgentSchedules()).hasSize(20);
        assertThat(found.getResult().getAgentSchedules()).anySatisfy(s -> assertThat(s.getShifts()).isNotEmpty());

        BuAsyncAgentSchedulesSearchResponse async = wfm.postWorkforcemanagementBusinessunitAgentschedulesSearch(buId,
                true, false, request);
        assertThat(async.getStatus()).isEqualTo(BuAsyncAgentSchedulesSearchResponse.StatusEnum.PROCESSING);
    }

    @Test
    void presenceReadsAndWrites() throws Exception {
        PresenceApi presence = new PresenceApi(client);
        OrganizationPresenceDefinitionEntityListing defs = presence.getPresenceDefinitions0(null, null, null);
        OrganizationPresenceDefinition preBreak = defs.getEntities().stream()
                .filter(d -> OrgGenerator.PRE_BREAK_LABEL.equals(d.getLanguageLabels().get("en_US")))
                .findFirst().orElseThrow();

        List<UcUserPresence> read = presence.getUsersPresencesPurecloudBulk(users.subList(0, 50));
        assertThat(read).hasSize(50);

        List<UserPresence> written = presence.putUsersPresencesBulk(List.of(
                new MutableUserPresence().id(users.get(5)).source("PURECLOUD")
                        .presenceDefinition(new PresenceDefinition().id(preBreak.getId()))));
        assertThat(written).singleElement().satisfies(p ->
                assertThat(p.getPresenceDefinition().getId()).isEqualTo(preBreak.getId()));

        UserPresence patched = presence.patchUserPresencesPurecloud(users.get(6),
                new UserPresence().presenceDefinition(new PresenceDefinition().id(preBreak.getId())));
        assertThat(patched.getPresenceDefinition().getSystemPresence()).isEqualTo("Break");
        assertThat(presence.getUserPresencesPurecloud(users.get(6)).getPresenceDefinition().getId())
                .isEqualTo(preBreak.getId());

        List<PresenceChange> log = sim.presenceLog().forUser(users.get(6));
        assertThat(log).last().satisfies(c -> {
            assertThat(c.clientId()).isEqualTo(sim.clientId());
            assertThat(c.endpoint()).isEqualTo("PATCH /api/v2/users/{userId}/presences/purecloud");
        });

        assertThatThrownBy(() -> presence.getUsersPresencesPurecloudBulk(users.subList(0, 51)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void usersAndRouting() throws Exception {
        UsersApi usersApi = new UsersApi(client);
        RoutingStatus rs = usersApi.getUserRoutingstatus(users.get(0));
        assertThat(rs.getStatus()).isIn(RoutingStatus.StatusEnum.IDLE, RoutingStatus.StatusEnum.INTERACTING,
                RoutingStatus.StatusEnum.OFF_QUEUE);
        assertThat(usersApi.getUserRoutingstatus("00000000-0000-4000-8000-000000000000").getStatus())
                .isEqualTo(RoutingStatus.StatusEnum.OFF_QUEUE);
        UserEntityListing page = usersApi.getUsers(100, 1, users.subList(0, 50), null, null,
                List.of("presence", "routingStatus", "conversationSummary"), null, null);
        assertThat(page.getEntities()).hasSize(50);
        assertThat(page.getEntities()).allSatisfy(u -> assertThat(u.getPresence()).isNotNull());
    }
}
