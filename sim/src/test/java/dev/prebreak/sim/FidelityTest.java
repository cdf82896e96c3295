package dev.prebreak.sim;

import com.mypurecloud.sdk.v2.model.BuAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuAsyncAgentSchedulesSearchResponse;
import com.mypurecloud.sdk.v2.model.BuSearchAgentSchedulesRequest;
import com.mypurecloud.sdk.v2.model.BusinessUnitActivityCode;
import com.mypurecloud.sdk.v2.model.BusinessUnitActivityCodeListing;
import com.mypurecloud.sdk.v2.model.BusinessUnitListing;
import com.mypurecloud.sdk.v2.model.BusinessUnitResponse;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import com.mypurecloud.sdk.v2.model.ManagementUnit;
import com.mypurecloud.sdk.v2.model.ManagementUnitListing;
import com.mypurecloud.sdk.v2.model.MutableUserPresence;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinition;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinitionEntityListing;
import com.mypurecloud.sdk.v2.model.PresenceDefinition;
import com.mypurecloud.sdk.v2.model.RoutingStatus;
import com.mypurecloud.sdk.v2.model.UcUserPresence;
import com.mypurecloud.sdk.v2.model.User;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import com.mypurecloud.sdk.v2.model.UserPresence;
import com.mypurecloud.sdk.v2.model.WfmUserEntityListing;
import dev.prebreak.sim.generate.OrgGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;

import static dev.prebreak.sim.SimHttp.sdk;
import static dev.prebreak.sim.SimHttp.sdkList;
import static org.assertj.core.api.Assertions.assertThat;

/** Every body the simulator sends fits the official SDK 198.1.0 model for that operation, strictly. */
class FidelityTest {
    private static Simulator sim;
    private static SimHttp http;
    private static String buId;
    private static String muId;
    private static List<String> users;

    @BeforeAll
    static void start() {
        sim = Fixtures.simulator().downloadThresholdUsers(1_000).asyncThresholdUsers(1_000).build().start();
        http = new SimHttp(sim);
        buId = sim.org().businessUnits().get(0).id();
        muId = sim.org().managementUnits(buId).get(0).id();
        users = sim.org().managementUnit(muId).orElseThrow().userIds();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void businessUnitsAndManagementUnits() {
        BusinessUnitListing list = sdk(http.get("/api/v2/workforcemanagement/businessunits"), BusinessUnitListing.class);
        assertThat(list.getEntities()).hasSize(2);

        BusinessUnitResponse bu = sdk(http.get("/api/v2/workforcemanagement/businessunits/" + buId
                + "?expand=settings.timeZone"), BusinessUnitResponse.class);
        assertThat(bu.getSettings().getTimeZone()).isIn("Europe/London", "America/New_York");
        assertThat(bu.getSettings().getStartDayOfWeek()).isNotNull();
        assertThat(bu.getSettings().getMetadata().getVersion()).isEqualTo(1);

        ManagementUnitListing mus = sdk(http.get("/api/v2/workforcemanagement/businessunits/" + buId
                + "/managementunits"), ManagementUnitListing.class);
        assertThat(mus.getEntities()).hasSize(2);
        ManagementUnit mu = sdk(http.get("/api/v2/workforcemanagement/managementunits/" + muId), ManagementUnit.class);
        assertThat(mu.getBusinessUnit().getId()).isEqualTo(buId);
        WfmUserEntityListing members = sdk(http.get("/api/v2/workforcemanagement/managementunits/" + muId + "/users"),
                WfmUserEntityListing.class);
        assertThat(members.getEntities()).extracting(User::getId).containsExactlyElementsOf(users);
    }

    @Test
    void activityCodesHaveDefaultShortIdsAndCustomGuids() {
        BusinessUnitActivityCodeListing codes = sdk(http.get("/api/v2/workforcemanagement/businessunits/" + buId
                + "/activitycodes"), BusinessUnitActivityCodeListing.class);
        assertThat(codes.getEntities()).extracting(BusinessUnitActivityCode::getCategory)
                .contains(BusinessUnitActivityCode.CategoryEnum.values()[1], BusinessUnitActivityCode.CategoryEnum.BREAK,
                        BusinessUnitActivityCode.CategoryEnum.MEAL)
                .doesNotContain(BusinessUnitActivityCode.CategoryEnum.UNSCHEDULED);
        assertThat(codes.getEntities()).filteredOn(BusinessUnitActivityCode::getDefaultCode)
                .extracting(BusinessUnitActivityCode::getId).contains("0", "1", "2");
        assertThat(codes.getEntities()).filteredOn(c -> !c.getDefaultCode())
                .allSatisfy(c -> assertThat(c.getId()).hasSize(36));
        assertThat(codes.getEntities()).anyMatch(c -> !c.getActive());
    }

    @Test
    void presenceDefinitions() {
        OrganizationPresenceDefinitionEntityListing defs = sdk(http.get("/api/v2/presence/definitions"),
                OrganizationPresenceDefinitionEntityListing.class);
        assertThat(defs.getEntities()).anySatisfy(d -> {
            assertThat(d.getId()).isEqualTo("e08eaf1b-ee47-4fa9-a231-1200e284798f");
            assertThat(d.getSystemPresence()).isEqualTo(OrganizationPresenceDefinition.SystemPresenceEnum.ONQUEUE);
            assertThat(d.getType()).isEqualTo(OrganizationPresenceDefinition.TypeEnum.SYSTEM);
        });
        OrganizationPresenceDefinition preBreak = defs.getEntities().stream()
                .filter(d -> OrgGenerator.PRE_BREAK_LABEL.equals(d.getLanguageLabels().get("en_US"))).findFirst().orElseThrow();
        assertThat(preBreak.getType()).isEqualTo(OrganizationPresenceDefinition.TypeEnum.USER);
        assertThat(preBreak.getSystemPresence()).isEqualTo(OrganizationPresenceDefinition.SystemPresenceEnum.BREAK);
        assertThat(defs.getEntities()).noneMatch(OrganizationPresenceDefinition::getDeactivated);
        assertThat(defs.getTotal()).isEqualTo(defs.getEntities().size());

        OrganizationPresenceDefinitionEntityListing all = sdk(http.get("/api/v2/presence/definitions?deactivated=true"),
                OrganizationPresenceDefinitionEntityListing.class);
        assertThat(all.getEntities()).anyMatch(OrganizationPresenceDefinition::getDeactivated);
        OrganizationPresenceDefinition one = sdk(http.get("/api/v2/presence/definitions/" + preBreak.getId()),
                OrganizationPresenceDefinition.class);
        assertThat(one.getId()).isEqualTo(preBreak.getId());
    }

    @Test
    void userPresenceRoutingAndUsers() {
        String user = users.get(0);
        UserPresence p = sdk(http.get("/api/v2/users/" + user + "/presences/purecloud"), UserPresence.class);
        assertThat(p.getSource()).isEqualTo("PURECLOUD");
        assertThat(p.getPresenceDefinition().getSystemPresence()).isNotBlank();
        assertThat(p.getModifiedDate()).isNotNull();

        List<UcUserPresence> bulk = sdkList(http.get("/api/v2/users/presences/purecloud/bulk?id=" + users.get(0)
                + "&id=" + users.get(1)), UcUserPresence.class);
        assertThat(bulk).extracting(UcUserPresence::getUserId).containsExactly(users.get(0), users.get(1));

        RoutingStatus rs = sdk(http.get("/api/v2/users/" + user + "/routingstatus"), RoutingStatus.class);
        assertThat(rs.getUserId()).isEqualTo(user);
        assertThat(rs.getStartTime()).isNotNull();

        UserEntityListing listing = sdk(http.get("/api/v2/users?id=" + users.get(0) + "," + users.get(1)
                + "&expand=presence,routingStatus,conversationSummary&pageSize=1"), UserEntityListing.class);
        assertThat(listing.getTotal()).isEqualTo(2);
        assertThat(listing.getPageCount()).isEqualTo(2);
        assertThat(listing.getNextUri()).contains("pageNumber=2");
        User u = listing.getEntities().get(0);
        assertThat(u.getPresence().getPresenceDefinition().getId()).isNotBlank();
        assertThat(u.getRoutingStatus().getStatus()).isNotNull();
        assertThat(u.getConversationSummary().getChat().getContactCenter().getActive()).isNotNull();
    }

    @Test
    void onQueueIsSpelledAsGenesysSpellsIt() {
        String user = users.get(0);
        sim.org().setPresence(user, dev.prebreak.sim.org.PresenceDefinition.ON_QUEUE_ID, "test", "test");
        assertThat(SimHttp.tree(http.get("/api/v2/users/" + user + "/presences/purecloud"))
                .at("/presenceDefinition/systemPresence").asText()).isEqualTo("On Queue");
        assertThat(SimHttp.tree(http.get("/api/v2/presence/definitions/" + dev.prebreak.sim.org.PresenceDefinition.ON_QUEUE_ID))
                .get("systemPresence").asText()).isEqualTo("OnQueue");
    }

    @Test
    void scheduleSearchShapesFitTheModels() {
        BuSearchAgentSchedulesRequest body = new BuSearchAgentSchedulesRequest()
                .startDate(Date.from(Fixtures.T0)).endDate(Date.from(Fixtures.T0.plusSeconds(7200)))
                .userIds(users.subList(0, 10));
        String json = SimHttp.json(body);
        String path = "/api/v2/workforcemanagement/businessunits/" + buId + "/agentschedules/search";

        BuAsyncAgentSchedulesSearchResponse inline = sdk(http.call("POST", path, json), BuAsyncAgentSchedulesSearchResponse.class);
        assertThat(inline.getStatus()).isEqualTo(BuAsyncAgentSchedulesSearchResponse.StatusEnum.COMPLETE);
        assertThat(inline.getResult().getAgentSchedules()).hasSize(10);
        assertThat(inline.getResult().getBusinessUnitTimeZone()).isNotBlank();

        BuAsyncAgentSchedulesSearchResponse download = sdk(http.call("POST", path + "?forceDownloadService=true", json),
                BuAsyncAgentSchedulesSearchResponse.class);
        assertThat(download.getResult()).isNull();
        BuAgentSchedulesSearchResponse downloaded = sdk(http.open("GET", download.getDownloadUrl(), null),
                BuAgentSchedulesSearchResponse.class);
        assertThat(downloaded.getAgentSchedules()).hasSize(10);

        BuAsyncAgentSchedulesSearchResponse processing = sdk(http.call("POST", path + "?forceAsync=true", json),
                BuAsyncAgentSchedulesSearchResponse.class);
        assertThat(processing.getStatus()).isEqualTo(BuAsyncAgentSchedulesSearchResponse.StatusEnum.PROCESSING);
        assertThat(processing.getOperationId()).isNotBlank();
        assertThat(processing.getResult()).isNull();
    }

    @Test
    void presenceWritesAcceptSdkBodiesAndAnswerSdkModels() {
        String preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
        UserPresence patch = new UserPresence().presenceDefinition(new PresenceDefinition().id(preBreak));
        UserPresence patched = sdk(http.call("PATCH", "/api/v2/users/" + users.get(2) + "/presences/purecloud",
                SimHttp.json(patch)), UserPresence.class);
        assertThat(patched.getPresenceDefinition().getId()).isEqualTo(preBreak);
        assertThat(patched.getPresenceDefinition().getSystemPresence()).isEqualTo("Break");

        List<MutableUserPresence> bulk = List.of(
                new MutableUserPresence().id(users.get(3)).source("PURECLOUD").presenceDefinition(new PresenceDefinition().id(preBreak)),
                new MutableUserPresence().id(users.get(4)).source("PURECLOUD").presenceDefinition(new PresenceDefinition().id(preBreak)));
        List<UserPresence> answer = sdkList(http.call("PUT", "/api/v2/users/presences/bulk", SimHttp.json(bulk)),
                UserPresence.class);
        assertThat(answer).extracting(UserPresence::getId).containsExactly(users.get(3), users.get(4));
    }

    @Test
    void wrongFieldNamesAndMalformedBodiesAreRejected() {
        String path = "/api/v2/workforcemanagement/businessunits/" + buId + "/agentschedules/search";
        HttpResponse<String> wrong = http.call("POST", path,
                "{\"startDate\":\"2026-11-24T15:00:00.000Z\",\"endDate\":\"2026-11-24T17:00:00.000Z\",\"userIDs\":[]}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(sdk(wrong, ErrorBody.class).getCode()).isEqualTo("bad.request");

        HttpResponse<String> malformed = http.call("POST", path, "{\"startDate\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        sdk(malformed, ErrorBody.class);

        HttpResponse<String> wrongPatch = http.call("PATCH", "/api/v2/users/" + users.get(0) + "/presences/purecloud",
                "{\"presence\":{\"id\":\"" + dev.prebreak.sim.org.PresenceDefinition.BREAK_ID + "\"}}");
        assertThat(wrongPatch.statusCode()).isEqualTo(400);
    }

    @Test
    void errorsUseTheGenesysErrorBody() {
        HttpResponse<String> notFound = http.get("/api/v2/nothing/here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        ErrorBody body = sdk(notFound, ErrorBody.class);
        assertThat(body.getCode()).isEqualTo("not.found");
        assertThat(body.getStatus()).isEqualTo(404);
        assertThat(body.getContextId()).isEqualTo(notFound.headers().firstValue("ININ-Correlation-Id").orElseThrow());

        HttpResponse<String> unknownBu = http.get("/api/v2/workforcemanagement/businessunits/nope");
        assertThat(unknownBu.statusCode()).isEqualTo(404);
        sdk(unknownBu, ErrorBody.class);

        HttpResponse<String> unauthorized = http.callWithToken("GET", "/api/v2/presence/definitions", null, "bogus");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(sdk(unauthorized, ErrorBody.class).getCode()).isEqualTo("bad.credentials");
    }
}
