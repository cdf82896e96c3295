package dev.prebreak.sim;

import com.mypurecloud.sdk.v2.model.ErrorBody;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.http.Access;
import dev.prebreak.sim.http.OAuthClients;
import dev.prebreak.sim.http.PlatformApi;
import dev.prebreak.sim.http.Requirement;
import dev.prebreak.sim.http.RequiredPermissions;
import dev.prebreak.sim.http.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** OAuth clients have roles; a call without the permission its endpoint needs answers Genesys' 403. */
class PermissionsTest {
    private static final String EDIT = "presence:userPresence:edit";
    private static final String DEFINITIONS = "presence:presenceDefinition:view";
    private static final String SCHEDULES = "wfm:publishedSchedule:view";

    private Simulator sim;
    private String buId;
    private String user;
    private String preBreak;

    @BeforeEach
    void start() {
        sim = Fixtures.simulator()
                .oauthClient("no-edit", "s1", Set.of(DEFINITIONS, SCHEDULES))
                .oauthClient("no-definitions", "s2", Set.of(EDIT, SCHEDULES))
                .oauthClient("schedule-view", "s3", Set.of("wfm:schedule:view"))
                .oauthClient("nothing", "s4", Set.of())
                .build().start();
        buId = sim.org().businessUnits().get(0).id();
        user = sim.org().userIdsInBusinessUnit(buId).get(0);
        preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theDefaultClientHasExactlyTheRoleTheReadmeAsksFor() {
        assertThat(sim.oauthClients().permissions(sim.clientId())).containsExactlyInAnyOrder(
                "wfm:publishedSchedule:view", "presence:presenceDefinition:view", "presence:userPresence:edit");
    }

    @Test
    void everyEndpointHasAnEntryAndTheDefaultRoleNeedsEachOfItsPermissions() {
        List<Route> api = PlatformApi.routes(sim.org(), sim.clock(), sim.settings(), sim.oauthClients(),
                sim.variations(), new dev.prebreak.sim.http.Tokens(sim.clock()), sim.faults(), sim.requestStats(),
                sim::baseUrl)
                .stream().filter(r -> r.access() == Access.API).toList();
        assertThat(api).extracting(Route::endpoint).containsExactlyInAnyOrderElementsOf(RequiredPermissions.all().keySet());

        Set<String> role = RequiredPermissions.PREBREAK_ROLE;
        RequiredPermissions.all().forEach((endpoint, requirement) ->
                assertThatCode(() -> requirement.check(role)).as(endpoint).doesNotThrowAnyException());
        for (String permission : role) {
            Set<String> without = new TreeSet<>(role);
            without.remove(permission);
            assertThat(RequiredPermissions.all().values()).as("%s is needed by some endpoint", permission)
                    .anyMatch(r -> refuses(r, without));
        }
    }

    @Test
    void aBulkWriteWithoutPresenceEditIs403WithGenesysBody() {
        SimHttp http = as("no-edit", "s1");
        int logged = sim.presenceLog().size();
        HttpResponse<String> r = http.call("PUT", "/api/v2/users/presences/bulk",
                "[{\"id\":\"" + user + "\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\"" + preBreak + "\"}}]");
        assertThat(r.statusCode()).isEqualTo(403);
        ErrorBody body = SimHttp.sdk(r, ErrorBody.class);
        assertThat(body.getCode()).isEqualTo("missing.any.permissions");
        assertThat(body.getStatus()).isEqualTo(403);
        assertThat(body.getMessage()).isEqualTo("Unable to perform the requested action. You must have at least one "
                + "of the following permissions assigned: [presence:userPresence:edit]");
        assertThat(body.getContextId()).isEqualTo(r.headers().firstValue("ININ-Correlation-Id").orElseThrow());
        assertThat(sim.presenceLog().size()).as("nothing was written").isEqualTo(logged);
        assertThat(sim.requestStats().count("PUT /api/v2/users/presences/bulk", 403)).isEqualTo(1);
    }

    @Test
    void anAllPermissionEndpointNamesWhatIsMissing() {
        HttpResponse<String> r = as("no-definitions", "s2").get("/api/v2/presence/definitions");
        assertThat(r.statusCode()).isEqualTo(403);
        ErrorBody body = SimHttp.sdk(r, ErrorBody.class);
        assertThat(body.getCode()).isEqualTo("missing.permissions");
        assertThat(body.getMessage()).isEqualTo("Unable to perform the requested action. You are missing the "
                + "following permission(s): [presence:presenceDefinition:view]");
    }

    @Test
    void anyOfTheAcceptedPermissionsWillDo() {
        String path = "/api/v2/workforcemanagement/businessunits/" + buId + "/agentschedules/search";
        String search = "{\"startDate\":\"2026-11-24T15:00:00Z\",\"endDate\":\"2026-11-24T17:00:00Z\",\"userIds\":[\""
                + user + "\"]}";
        assertThat(as("schedule-view", "s3").call("POST", path, search).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = as("nothing", "s4").call("POST", path, search);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(SimHttp.sdk(refused, ErrorBody.class).getMessage()).endsWith(
                "[wfm:publishedSchedule:view, wfm:schedule:view]");
    }

    @Test
    void usersRoutingAndPresenceReadsNeedNoPermission() {
        SimHttp http = as("nothing", "s4");
        assertThat(http.get("/api/v2/users?id=" + user + "&expand=presence,routingStatus").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v2/users/" + user + "/routingstatus").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v2/users/" + user + "/presences/purecloud").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v2/users/presences/purecloud/bulk?id=" + user).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v2/workforcemanagement/businessunits/" + buId + "/managementunits").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRoleChangedAtRunTimeAppliesToTokensAlreadyIssued() {
        SimHttp http = new SimHttp(sim);
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
        OAuthClients clients = sim.oauthClients();
        clients.setPermissions(sim.clientId(), Set.of(EDIT, SCHEDULES));
        assertThat(http.get("/api/v2/presence/definitions").statusCode()).isEqualTo(403);

        // The control API creates a client, which can then log in with its role.
        assertThat(http.open("PUT", "/_sim/clients/doctor", "{\"secret\":\"pw\",\"permissions\":[\"" + DEFINITIONS
                + "\"]}").statusCode()).isEqualTo(200);
        SimHttp doctor = as("doctor", "pw");
        assertThat(doctor.get("/api/v2/presence/definitions").statusCode()).isEqualTo(200);
        assertThat(doctor.get("/api/v2/workforcemanagement/businessunits/" + buId).statusCode()).isEqualTo(403);
        assertThat(SimHttp.tree(http.open("GET", "/_sim/clients", null)).toString())
                .contains("doctor").doesNotContain("pw\"");
        assertThat(doctor.login("doctor", "wrong", "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThat(doctor.login("nobody", "pw", "grant_type=client_credentials").statusCode()).isEqualTo(401);
    }

    private SimHttp as(String clientId, String secret) {
        return new SimHttp(sim, clientId, secret);
    }

    private static boolean refuses(Requirement requirement, Set<String> role) {
        try {
            requirement.check(role);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
