package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.ActivityCode;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.Org;

import java.time.Instant;
import java.util.List;

/** WFM structure: business units, management units, their members and activity codes. */
final class WorkforceResource {
    private static final String BASE = "/api/v2/workforcemanagement";
    // Fixed creation stamp for version metadata: the simulated org's structure never changes.
    private static final Instant CREATED = Instant.parse("2024-01-08T09:00:00Z");

    private final Org org;
    private final Variations variations;

    WorkforceResource(Org org, Variations variations) {
        this.org = org;
        this.variations = variations;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", BASE + "/businessunits", "getWorkforcemanagementBusinessunits", Access.API,
                        this::businessUnits),
                new Route("GET", BASE + "/businessunits/{businessUnitId}", "getWorkforcemanagementBusinessunit",
                        Access.API, this::businessUnit),
                new Route("GET", BASE + "/businessunits/{businessUnitId}/managementunits",
                        "getWorkforcemanagementBusinessunitManagementunits", Access.API, this::managementUnits),
                new Route("GET", BASE + "/managementunits/{managementUnitId}", "getWorkforcemanagementManagementunit",
                        Access.API, this::managementUnit),
                new Route("GET", BASE + "/managementunits/{managementUnitId}/users",
                        "getWorkforcemanagementManagementunitUsers", Access.API, this::managementUnitUsers),
                new Route("GET", BASE + "/businessunits/{businessUnitId}/activitycodes",
                        "getWorkforcemanagementBusinessunitActivitycodes", Access.API, this::activityCodes));
    }

    private Reply businessUnits(Request request) {
        ObjectNode body = Wire.object();
        ArrayNode entities = body.putArray("entities");
        for (BusinessUnit bu : org.businessUnits()) {
            ObjectNode e = entities.addObject();
            e.put("id", bu.id());
            e.put("name", bu.name());
            e.put("authorized", true);
            e.putObject("division").put("id", bu.divisionId()).put("selfUri", "/api/v2/authorization/divisions/" + bu.divisionId());
            e.put("selfUri", BASE + "/businessunits/" + bu.id());
        }
        return Reply.json(body);
    }

    private Reply businessUnit(Request request) {
        BusinessUnit bu = bu(request.param("businessUnitId"));
        ObjectNode body = Wire.object();
        body.put("id", bu.id());
        body.put("name", bu.name());
        // Genesys fills settings only when asked to expand them.
        if (request.queryList("expand").stream().anyMatch(x -> x.startsWith("settings"))) {
            ObjectNode settings = body.putObject("settings");
            settings.put("startDayOfWeek", dayName(bu.startDayOfWeek()));
            settings.put("timeZone", bu.timeZone().getId());
            settings.set("metadata", metadata());
        }
        body.putObject("division").put("id", bu.divisionId()).put("selfUri", "/api/v2/authorization/divisions/" + bu.divisionId());
        return Reply.json(body);
    }

    private Reply managementUnits(Request request) {
        BusinessUnit bu = bu(request.param("businessUnitId"));
        ObjectNode body = Wire.object();
        ArrayNode entities = body.putArray("entities");
        for (ManagementUnit mu : org.managementUnits(bu.id())) {
            entities.add(managementUnitJson(mu, bu, false));
        }
        return Reply.json(body);
    }

    private Reply managementUnit(Request request) {
        ManagementUnit mu = mu(request.param("managementUnitId"));
        return Reply.json(managementUnitJson(mu, bu(mu.businessUnitId()), true));
    }

    private Reply managementUnitUsers(Request request) {
        ManagementUnit mu = mu(request.param("managementUnitId"));
        ObjectNode body = Wire.object();
        ArrayNode entities = body.putArray("entities");
        for (String userId : mu.userIds()) {
            org.state(userId).ifPresent(s -> {
                ObjectNode u = entities.addObject();
                u.put("id", s.userId());
                u.put("name", s.name());
                u.put("version", 1);
                u.put("selfUri", "/api/v2/users/" + s.userId());
            });
        }
        return Reply.json(body);
    }

    private Reply activityCodes(Request request) {
        BusinessUnit bu = bu(request.param("businessUnitId"));
        ObjectNode body = Wire.object();
        ArrayNode entities = body.putArray("entities");
        for (ActivityCode c : org.activityCodes(bu.id())) {
            ObjectNode e = entities.addObject();
            e.put("id", c.id());
            e.put("name", c.name());
            e.put("active", c.active());
            e.put("defaultCode", c.defaultCode());
            e.put("category", c.category().name());
            e.put("lengthInMinutes", c.lengthInMinutes());
            e.put("countsAsPaidTime", c.countsAsPaidTime());
            e.put("countsAsWorkTime", c.countsAsWorkTime());
            e.put("countsTowardShrinkage", !c.countsAsWorkTime());
            e.put("plannedShrinkage", !c.countsAsWorkTime());
            e.put("interruptible", false);
            ArrayNode presences = e.putArray("secondaryPresences");
            c.secondaryPresenceIds().forEach(id -> presences.addObject().put("id", id));
            e.set("metadata", metadata());
            e.put("selfUri", BASE + "/businessunits/" + bu.id() + "/activitycodes/" + c.id());
        }
        if (variations.unknownEnums()) {
            entities.add(UnknownEnums.activityCode(bu.id()));
        }
        return Reply.json(body);
    }

    private ObjectNode managementUnitJson(ManagementUnit mu, BusinessUnit bu, boolean detailed) {
        ObjectNode e = Wire.object();
        e.put("id", mu.id());
        e.put("name", mu.name());
        e.putObject("businessUnit").put("id", bu.id()).put("selfUri", BASE + "/businessunits/" + bu.id());
        if (detailed) {
            e.put("startDayOfWeek", dayName(bu.startDayOfWeek()));
            e.put("timeZone", bu.timeZone().getId());
            e.put("version", 1);
        }
        e.putObject("division").put("id", bu.divisionId()).put("selfUri", "/api/v2/authorization/divisions/" + bu.divisionId());
        e.put("selfUri", BASE + "/managementunits/" + mu.id());
        return e;
    }

    private static ObjectNode metadata() {
        ObjectNode m = Wire.object();
        m.put("version", 1);
        m.put("dateCreated", Wire.time(CREATED));
        m.put("dateModified", Wire.time(CREATED));
        return m;
    }

    private static String dayName(java.time.DayOfWeek day) {
        String n = day.name();
        return n.charAt(0) + n.substring(1).toLowerCase();
    }

    private BusinessUnit bu(String id) {
        return org.businessUnit(id).orElseThrow(() -> new ApiError(404, "not.found",
                "The business unit " + id + " was not found"));
    }

    private ManagementUnit mu(String id) {
        return org.managementUnit(id).orElseThrow(() -> new ApiError(404, "not.found",
                "The management unit " + id + " was not found"));
    }
}
