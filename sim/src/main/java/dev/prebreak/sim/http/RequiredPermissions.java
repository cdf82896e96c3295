package dev.prebreak.sim.http;

import java.util.Map;
import java.util.Set;

/**
 * Which permissions each simulated endpoint needs, keyed by {@code METHOD /template}.
 *
 * <p>Sources: the "Requires ANY/ALL/NO permissions" line of each operation in the official SDK's
 * generated docs (MyPureCloud/platform-client-sdk-java, build/docs/PresenceApi.md and UsersApi.md,
 * SDK 212.0.0) for the presence and users endpoints; for the WFM endpoints the same lines in
 * MyPureCloud/platform-client-sdk-python 257.1.0 build/docs/WorkforceManagementApi.md, as recorded in
 * the aws module's GenesysPermissionsTest (only the WFM view permissions relevant here are kept from
 * those long lists, so Genesys may accept further permissions that this table refuses). Entries marked
 * "assumed" have no source. sim/README.md repeats this table.
 */
public final class RequiredPermissions {
    /** The permissions an admin grants prebreak's OAuth client (README, "Running against your Genesys Cloud org"). */
    public static final Set<String> PREBREAK_ROLE = Set.of("wfm:publishedSchedule:view",
            "presence:presenceDefinition:view", "presence:userPresence:edit");

    private static final String WFM = "/api/v2/workforcemanagement";
    private static final Requirement WFM_READ = Requirement.any("wfm:publishedSchedule:view", "wfm:schedule:view",
            "wfm:agent:view");
    private static final Requirement SCHEDULE_READ = Requirement.any("wfm:publishedSchedule:view", "wfm:schedule:view");

    private static final Map<String, Requirement> BY_ENDPOINT = Map.ofEntries(
            // Assumed: the SDK docs were not read for the list of business units; the WFM view set is required.
            Map.entry("GET " + WFM + "/businessunits", WFM_READ),
            Map.entry("GET " + WFM + "/businessunits/{businessUnitId}", WFM_READ),
            Map.entry("GET " + WFM + "/businessunits/{businessUnitId}/managementunits", Requirement.NONE),
            Map.entry("GET " + WFM + "/businessunits/{businessUnitId}/activitycodes", WFM_READ),
            Map.entry("GET " + WFM + "/managementunits/{managementUnitId}", WFM_READ),
            Map.entry("GET " + WFM + "/managementunits/{managementUnitId}/users", WFM_READ),
            Map.entry("POST " + WFM + "/businessunits/{businessUnitId}/agentschedules/search", SCHEDULE_READ),
            // Assumed: as the business unit search.
            Map.entry("POST " + WFM + "/managementunits/{managementUnitId}/agentschedules/search", SCHEDULE_READ),
            Map.entry("GET /api/v2/presence/definitions", Requirement.all("presence:presenceDefinition:view")),
            Map.entry("GET /api/v2/presence/definitions/{definitionId}", Requirement.all("presence:presenceDefinition:view")),
            Map.entry("GET /api/v2/users/presences/purecloud/bulk", Requirement.NONE),
            Map.entry("GET /api/v2/users/{userId}/presences/purecloud", Requirement.NONE),
            Map.entry("PATCH /api/v2/users/{userId}/presences/purecloud", Requirement.NONE),
            Map.entry("PUT /api/v2/users/presences/bulk", Requirement.any("presence:userPresence:edit")),
            Map.entry("GET /api/v2/users", Requirement.NONE),
            Map.entry("GET /api/v2/users/{userId}/routingstatus", Requirement.NONE));

    private RequiredPermissions() {
    }

    /** What an endpoint needs; an endpoint missing from the table needs nothing. */
    public static Requirement of(String endpoint) {
        return BY_ENDPOINT.getOrDefault(endpoint, Requirement.NONE);
    }

    /** The whole table, for documentation and tests. */
    public static Map<String, Requirement> all() {
        return BY_ENDPOINT;
    }
}
