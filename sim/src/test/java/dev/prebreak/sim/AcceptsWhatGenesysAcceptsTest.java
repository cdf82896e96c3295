package dev.prebreak.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import dev.prebreak.sim.generate.OrgGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator accepts what real Genesys accepts: every documented {@code expand} and query parameter of
 * {@code GET /api/v2/users}, and request bodies with every field of the newest models; its answers carry
 * only fields those models have. Names that no model has still get Genesys' 400.
 */
class AcceptsWhatGenesysAcceptsTest {
    /** {@code GET /api/v2/users} expand values, as the SDK 262 docs list them. */
    private static final List<String> EXPANDS = List.of("routingStatus", "presence", "integrationPresence",
            "conversationSummary", "outOfOffice", "geolocation", "station", "authorization", "lasttokenissued",
            "authorization.unusedRoles", "team", "workPlanBidRanks", "externalContactsSettings", "groups",
            "customAttributes", "profileSkills", "certifications", "locations", "skills", "languages",
            "languagePreference", "employerInfo", "biography", "dateLastLogin", "dateWelcomeSent");

    private static Simulator sim;
    private static SimHttp http;
    private static List<String> users;
    private static String preBreak;

    @BeforeAll
    static void start() {
        sim = Fixtures.simulator().build().start();
        http = new SimHttp(sim);
        users = sim.org().userIdsInBusinessUnit(sim.org().businessUnits().get(0).id());
        preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyDocumentedExpandIsAcceptedJoinedRepeatedOrAlone() {
        assertThat(EXPANDS).hasSize(25);
        String ids = "id=" + users.get(0) + "&id=" + users.get(1);
        HttpResponse<String> joined = http.get("/api/v2/users?" + ids + "&expand=" + String.join(",", EXPANDS));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        StringBuilder repeated = new StringBuilder("/api/v2/users?" + ids);
        EXPANDS.forEach(e -> repeated.append("&expand=").append(e));
        HttpResponse<String> many = http.get(repeated.toString());
        assertThat(many.statusCode()).isEqualTo(200);
        for (HttpResponse<String> r : List.of(joined, many)) {
            UserEntityListing listing = SimHttp.sdk(r, UserEntityListing.class);
            assertThat(listing.getEntities()).hasSize(2).allSatisfy(u -> {
                assertThat(u.getPresence()).isNotNull();
                assertThat(u.getRoutingStatus()).isNotNull();
                assertThat(u.getConversationSummary()).isNotNull();
            });
            JsonNode tree = SimHttp.tree(r);
            NewestModels.fits(tree, NewestModels.USER_ENTITY_LISTING, "UserEntityListing");
            for (JsonNode u : tree.get("entities")) {
                NewestModels.fits(u, NewestModels.USER, "User");
                NewestModels.fits(u.get("presence"), NewestModels.USER_PRESENCE, "UserPresence");
                NewestModels.fits(u.get("routingStatus"), NewestModels.ROUTING_STATUS, "RoutingStatus");
                // Unmodelled expands are absent, as Genesys' best effort allows.
                assertThat(u.has("geolocation")).isFalse();
            }
        }
        for (String e : EXPANDS) {
            assertThat(http.get("/api/v2/users?" + ids + "&expand=" + e).statusCode()).as(e).isEqualTo(200);
        }
        HttpResponse<String> unknown = http.get("/api/v2/users?" + ids + "&expand=presence,moodRing");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(SimHttp.sdk(unknown, ErrorBody.class).getMessage()).contains("moodRing");
    }

    @Test
    void sortOrderStateAndPageSizeAreHonoured() {
        List<String> ascending = ids(http.get("/api/v2/users?pageSize=500&sortOrder=ASC"));
        assertThat(ascending).hasSize(120);
        List<String> reversed = new ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        assertThat(ids(http.get("/api/v2/users?pageSize=500&sortOrder=DESC"))).isEqualTo(reversed);
        assertThat(ids(http.get("/api/v2/users?pageSize=500&sortOrder=descending"))).isEqualTo(reversed);
        assertThat(ids(http.get("/api/v2/users?pageSize=500&sortOrder=ascending"))).isEqualTo(ascending);
        assertThat(http.get("/api/v2/users?sortOrder=sideways").statusCode()).isEqualTo(400);

        assertThat(ids(http.get("/api/v2/users?pageSize=500&state=any"))).isEqualTo(ascending);
        assertThat(ids(http.get("/api/v2/users?pageSize=500&state=active"))).isEqualTo(ascending);
        assertThat(ids(http.get("/api/v2/users?pageSize=500&state=inactive"))).isEmpty();
        assertThat(ids(http.get("/api/v2/users?pageSize=500&state=deleted"))).isEmpty();
        assertThat(http.get("/api/v2/users?state=sleeping").statusCode()).isEqualTo(400);

        assertThat(http.get("/api/v2/users?pageSize=501").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v2/users?id=" + users.get(0) + "&jabberId=a@b").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v2/users?id=" + users.get(0)
                + "&expand=presence&integrationPresenceSource=MicrosoftTeams&userCustomAttributeSchemaIds=x")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void presenceBodiesWithEveryNewestFieldAreAccepted() {
        String user = users.get(3);
        String definition = "{\"id\":\"" + preBreak + "\",\"systemPresence\":\"Break\",\"selfUri\":\"/x\"}";
        String everyField = "\"id\":\"" + user + "\",\"name\":\"n\",\"source\":\"PURECLOUD\",\"sourceId\":\"src\","
                + "\"primary\":true,\"presenceDefinition\":" + definition + ",\"futurePresenceDefinition\":" + definition
                + ",\"message\":\"brb\",\"modifiedDate\":\"2026-11-24T15:00:00.000Z\",\"selfUri\":\"/s\"";
        assertThat(fieldsOf("{" + everyField + "}")).containsExactlyInAnyOrderElementsOf(NewestModels.MUTABLE_USER_PRESENCE);

        HttpResponse<String> patch = http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud", "{" + everyField + "}");
        assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
        NewestModels.fits(SimHttp.tree(patch), NewestModels.USER_PRESENCE, "UserPresence");
        assertThat(SimHttp.tree(patch).at("/presenceDefinition/id").asText()).isEqualTo(preBreak);

        HttpResponse<String> bulk = http.call("PUT", "/api/v2/users/presences/bulk", "[{" + everyField + "}]");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        SimHttp.tree(bulk).forEach(p -> NewestModels.fits(p, NewestModels.USER_PRESENCE, "UserPresence"));

        // A name no model has is still refused, as Genesys does.
        HttpResponse<String> wrong = http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud",
                "{\"presenceDefinition\":{\"id\":\"" + preBreak + "\"},\"mood\":\"calm\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(SimHttp.sdk(wrong, ErrorBody.class).getMessage()).contains("mood");
    }

    @Test
    void aPatchOfOnlyMessageOrPrimaryIsValidAndWritesNoPresence() {
        String user = users.get(4);
        int logged = sim.presenceLog().size();
        String before = sim.org().requireState(user).presence().id();
        assertThat(http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud", "{\"message\":\"lunch\"}")
                .statusCode()).isEqualTo(200);
        assertThat(http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud", "{\"primary\":true}")
                .statusCode()).isEqualTo(200);
        assertThat(http.call("PATCH", "/api/v2/users/" + user + "/presences/purecloud", "{}").statusCode())
                .isEqualTo(400);
        assertThat(sim.org().requireState(user).presence().id()).isEqualTo(before);
        assertThat(sim.presenceLog().size()).isEqualTo(logged);
    }

    @Test
    void answersCarryOnlyFieldsOfTheNewestModels() {
        String user = users.get(0);
        NewestModels.fits(SimHttp.tree(http.get("/api/v2/users/" + user + "/presences/purecloud")),
                NewestModels.USER_PRESENCE, "UserPresence");
        SimHttp.tree(http.get("/api/v2/users/presences/purecloud/bulk?id=" + user)).forEach(p -> {
            NewestModels.fits(p, NewestModels.UC_USER_PRESENCE, "UcUserPresence");
            NewestModels.fits(p.get("presenceDefinition"), NewestModels.PRESENCE_DEFINITION, "PresenceDefinition");
        });
        NewestModels.fits(SimHttp.tree(http.get("/api/v2/users/" + user + "/routingstatus")),
                NewestModels.ROUTING_STATUS, "RoutingStatus");
        SimHttp.tree(http.get("/api/v2/presence/definitions?localeCode=ALL")).get("entities").forEach(d ->
                NewestModels.fits(d, NewestModels.ORGANIZATION_PRESENCE_DEFINITION, "OrganizationPresenceDefinition"));
        String buId = sim.org().businessUnits().get(0).id();
        SimHttp.tree(http.get("/api/v2/workforcemanagement/businessunits/" + buId + "/activitycodes")).get("entities")
                .forEach(c -> NewestModels.fits(c, NewestModels.ACTIVITY_CODE, "BusinessUnitActivityCode"));

        String search = "{\"startDate\":\"2026-11-24T15:00:00.000Z\",\"endDate\":\"2026-11-24T19:00:00.000Z\","
                + "\"userIds\":[\"" + user + "\",\"" + users.get(1) + "\"]}";
        assertThat(fieldsOf(search)).containsExactlyInAnyOrderElementsOf(NewestModels.SEARCH_REQUEST);
        JsonNode answer = SimHttp.tree(http.call("POST", "/api/v2/workforcemanagement/businessunits/" + buId
                + "/agentschedules/search", search));
        NewestModels.fits(answer, NewestModels.ASYNC_SEARCH_RESPONSE, "BuAsyncAgentSchedulesSearchResponse");
        for (JsonNode agent : answer.at("/result/agentSchedules")) {
            for (JsonNode shift : agent.get("shifts")) {
                NewestModels.fits(shift, NewestModels.SHIFT, "BuAgentScheduleShift");
                shift.get("activities").forEach(a -> NewestModels.fits(a, NewestModels.ACTIVITY, "BuAgentScheduleActivity"));
            }
        }
        NewestModels.fits(SimHttp.tree(http.get("/api/v2/nothing")), NewestModels.ERROR_BODY, "ErrorBody");
    }

    private static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        SimHttp.tree(r).get("entities").forEach(u -> out.add(u.get("id").asText()));
        return out;
    }

    private static List<String> fieldsOf(String json) {
        List<String> out = new ArrayList<>();
        try {
            SimHttp.JSON.readTree(json).fieldNames().forEachRemaining(out::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
