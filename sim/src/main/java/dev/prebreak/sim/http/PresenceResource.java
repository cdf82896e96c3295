package dev.prebreak.sim.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.UnknownEntityException;

import java.util.List;
import java.util.Optional;

/** Presence definitions and user presences: read one, read in bulk, write one, write in bulk. */
final class PresenceResource {

    /** The presence reference in request bodies, as the SDK's {@code PresenceDefinition} serializes it. */
    record DefinitionRef(String id, String systemPresence, String selfUri) {
    }

    /** A {@code UserPresence} / {@code MutableUserPresence} request body; every field the SDK can send. */
    record PresenceBody(String id, String name, String source, String sourceId, Boolean primary,
                        DefinitionRef presenceDefinition, DefinitionRef futurePresenceDefinition, String message,
                        String modifiedDate, String selfUri) {
    }

    private final Org org;
    private final ApiSettings settings;
    private final Variations variations;

    PresenceResource(Org org, ApiSettings settings, Variations variations) {
        this.org = org;
        this.settings = settings;
        this.variations = variations;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v2/presence/definitions", "getPresenceDefinitions0", Access.API, this::definitions),
                new Route("GET", "/api/v2/presence/definitions/{definitionId}", "getPresenceDefinition0", Access.API,
                        this::definition),
                new Route("GET", "/api/v2/users/presences/purecloud/bulk", "getUsersPresencesPurecloudBulk", Access.API,
                        this::readBulk),
                new Route("GET", "/api/v2/users/{userId}/presences/purecloud", "getUserPresencesPurecloud", Access.API,
                        this::readOne),
                new Route("PATCH", "/api/v2/users/{userId}/presences/purecloud", "patchUserPresencesPurecloud",
                        Access.API, this::writeOne),
                new Route("PUT", "/api/v2/users/presences/bulk", "putUsersPresencesBulk", Access.API, this::writeBulk));
    }

    private Reply definitions(Request request) {
        Optional<String> deactivated = request.query("deactivated");
        if (deactivated.isPresent() && !deactivated.get().equalsIgnoreCase("true")
                && !deactivated.get().equalsIgnoreCase("false")) {
            throw ApiError.invalidValue("Value [" + deactivated.get() + "] is not valid for field type [Boolean]");
        }
        List<String> divisions = request.queryList("divisionId");
        ObjectNode body = Wire.object();
        ArrayNode entities = Wire.array();
        boolean wantDeactivated = deactivated.map(Boolean::parseBoolean).orElse(false);
        for (PresenceDefinition d : org.presenceDefinitions()) {
            // deactivated=true lists only deactivated definitions, false (the default) only active ones.
            if (d.deactivated() != wantDeactivated) {
                continue;
            }
            if (!divisions.isEmpty() && !divisions.contains(d.divisionId())) {
                continue;
            }
            entities.add(PresenceJson.definition(d));
        }
        if (variations.unknownEnums() && !wantDeactivated) {
            String division = org.businessUnits().isEmpty() ? null : org.businessUnits().get(0).divisionId();
            for (ObjectNode extra : UnknownEnums.definitions(division)) {
                if (divisions.isEmpty() || divisions.contains(division)) {
                    entities.add(extra);
                }
            }
        }
        body.put("total", entities.size());
        body.set("entities", entities);
        return Reply.json(body);
    }

    private Reply definition(Request request) {
        String id = request.param("definitionId");
        if (variations.unknownEnums()) {
            String division = org.businessUnits().isEmpty() ? null : org.businessUnits().get(0).divisionId();
            for (ObjectNode extra : UnknownEnums.definitions(division)) {
                if (extra.get("id").asText().equals(id)) {
                    return Reply.json(extra);
                }
            }
        }
        return Reply.json(PresenceJson.definition(org.presenceDefinition(id)
                .orElseThrow(() -> ApiError.notFound("Presence definition " + id + " not found"))));
    }

    private Reply readOne(Request request) {
        return Reply.json(PresenceJson.userPresence(user(request.param("userId")), variations));
    }

    private Reply readBulk(Request request) {
        List<String> ids = request.queryList("id");
        if (ids.isEmpty()) {
            throw ApiError.badRequest("At least one user id is required");
        }
        if (ids.size() > settings.bulkPresenceMax()) {
            throw ApiError.badRequest("A maximum of " + settings.bulkPresenceMax() + " user ids is allowed, got "
                    + ids.size());
        }
        ArrayNode body = Wire.array();
        for (String id : ids) {
            // Unknown users are left out, as Genesys does for bulk reads.
            org.state(id).ifPresent(s -> body.add(PresenceJson.ucUserPresence(s, variations)));
        }
        return Reply.json(body);
    }

    private Reply writeOne(Request request) {
        String userId = request.param("userId");
        user(userId);
        PresenceBody body = request.bodyAs(PresenceBody.class);
        String presenceId = presenceId(body);
        if (presenceId == null) {
            // Genesys documents three ways to patch: primary, presenceDefinition, message. The simulator keeps
            // no message and one source, so a patch of only those two changes nothing (and logs nothing).
            if (body.primary() == null && body.message() == null) {
                throw ApiError.badRequest("presenceDefinition.id, primary or message is required");
            }
            return Reply.json(PresenceJson.userPresence(org.requireState(userId), variations));
        }
        apply(userId, presenceId, request);
        return Reply.json(PresenceJson.userPresence(org.requireState(userId), variations));
    }

    private Reply writeBulk(Request request) {
        List<PresenceBody> entries = request.bodyAs(new TypeReference<List<PresenceBody>>() { });
        if (entries.isEmpty()) {
            throw ApiError.badRequest("At least one user presence is required");
        }
        if (entries.size() > settings.bulkPresenceMax()) {
            throw ApiError.badRequest("A maximum of " + settings.bulkPresenceMax() + " user presences is allowed, got "
                    + entries.size());
        }
        // Validate the whole batch before changing anyone, so a bad presence id changes nothing.
        for (PresenceBody entry : entries) {
            if (entry.id() == null || entry.id().isBlank()) {
                throw ApiError.badRequest("Each user presence needs the user's id");
            }
            if (entry.source() != null && !entry.source().equalsIgnoreCase("PURECLOUD")) {
                throw ApiError.badRequest("Only the PURECLOUD presence source can be set here, got " + entry.source());
            }
            String presenceId = presenceId(entry);
            if (presenceId == null) {
                throw ApiError.badRequest("presenceDefinition.id is required for user " + entry.id());
            }
            checkDefinition(presenceId);
        }
        ArrayNode answer = Wire.array();
        for (PresenceBody entry : entries) {
            if (!org.hasUser(entry.id())) {
                continue;
            }
            apply(entry.id(), presenceId(entry), request);
            answer.add(PresenceJson.userPresence(org.requireState(entry.id()), variations));
        }
        return Reply.json(answer);
    }

    private void apply(String userId, String presenceId, Request request) {
        checkDefinition(presenceId);
        try {
            org.setPresence(userId, presenceId, request.clientId(), request.endpoint());
        } catch (UnknownEntityException | IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private void checkDefinition(String presenceId) {
        PresenceDefinition d = org.presenceDefinition(presenceId)
                .orElseThrow(() -> ApiError.badRequest("Invalid presence definition id " + presenceId));
        if (d.deactivated()) {
            throw ApiError.badRequest("Presence definition " + presenceId + " is deactivated");
        }
    }

    private static String presenceId(PresenceBody body) {
        return body.presenceDefinition() == null ? null : body.presenceDefinition().id();
    }

    private AgentState user(String userId) {
        return org.state(userId).orElseThrow(() -> ApiError.notFound("User " + userId + " not found"));
    }

}
