package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.Org;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users: the paged listing with expands, and routing status. */
final class UsersResource {
    /**
     * Every {@code expand} value the docs list for {@code GET /api/v2/users} (SDK 262; the Java SDK 212 docs
     * list the same but customAttributes and dateWelcomeSent). Genesys resolves expands 'with a best effort
     * approach' and does not guarantee them, so those the simulator does not model are accepted and absent.
     */
    static final List<String> EXPANDS = List.of("routingStatus", "presence", "integrationPresence",
            "conversationSummary", "outOfOffice", "geolocation", "station", "authorization", "lasttokenissued",
            "authorization.unusedRoles", "team", "workPlanBidRanks", "externalContactsSettings", "groups",
            "customAttributes", "profileSkills", "certifications", "locations", "skills", "languages",
            "languagePreference", "employerInfo", "biography", "dateLastLogin", "dateWelcomeSent");
    /** Modelled: these three come back (the rest are accepted and absent). */
    private static final Set<String> MODELLED = Set.of("presence", "routingStatus", "conversationSummary");
    private static final Set<String> STATES = Set.of("active", "inactive", "deleted", "any");

    private final Org org;
    private final ApiSettings settings;
    private final Variations variations;

    UsersResource(Org org, ApiSettings settings, Variations variations) {
        this.org = org;
        this.settings = settings;
        this.variations = variations;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/v2/users", "getUsers", Access.API, this::list),
                new Route("GET", "/api/v2/users/{userId}/routingstatus", "getUserRoutingstatus", Access.API,
                        this::routingStatus));
    }

    private Reply routingStatus(Request request) {
        String userId = request.param("userId");
        Optional<AgentState> state = org.state(userId);
        if (state.isPresent()) {
            return Reply.json(PresenceJson.routingStatus(state.get(), variations));
        }
        // Genesys answers OFF_QUEUE for users it does not know rather than 404.
        ObjectNode r = Wire.object();
        r.put("userId", userId);
        r.put("status", "OFF_QUEUE");
        return Reply.json(r);
    }

    private Reply list(Request request) {
        int pageSize = request.queryInt("pageSize", 25);
        int pageNumber = request.queryInt("pageNumber", 1);
        if (pageSize < 1 || pageSize > settings.usersPageMax()) {
            throw ApiError.badRequest("pageSize must be between 1 and " + settings.usersPageMax());
        }
        if (pageNumber < 1) {
            throw ApiError.badRequest("pageNumber must be 1 or more");
        }
        List<String> expand = request.queryList("expand");
        for (String e : expand) {
            if (!EXPANDS.contains(e)) {
                throw ApiError.invalidValue("Value [" + e + "] is not valid for field type [expand]. Allowable values are: "
                        + String.join(", ", EXPANDS));
            }
        }
        boolean descending = sortOrder(request);
        String state = request.query("state").orElse("active");
        if (!STATES.contains(state)) {
            throw ApiError.invalidValue("Value [" + state + "] is not valid for field type [state]. "
                    + "Allowable values are: active, inactive, deleted, any");
        }
        List<String> ids = request.queryList("id");
        List<String> jabberIds = request.queryList("jabberId");
        if (!ids.isEmpty() && !jabberIds.isEmpty()) {
            // The docs: jabberId "cannot be used with the id parameter".
            throw ApiError.badRequest("jabberId cannot be used with the id parameter");
        }
        // integrationPresenceSource and userCustomAttributeSchemaIds are accepted and change nothing here.
        List<String> candidates = ids.isEmpty() ? org.userIds() : ids;
        if (!jabberIds.isEmpty() || state.equals("inactive") || state.equals("deleted")) {
            // Every simulated user is active and has no jabber id: nobody matches.
            candidates = List.of();
        }
        if (descending) {
            candidates = new ArrayList<>(candidates);
            java.util.Collections.reverse(candidates);
        }
        List<AgentState> users = new ArrayList<>();
        if (ids.isEmpty()) {
            // Every candidate exists: page without reading the state of the whole org.
            int from = Math.min(candidates.size(), (pageNumber - 1) * pageSize);
            int to = Math.min(candidates.size(), from + pageSize);
            for (String id : candidates.subList(from, to)) {
                users.add(org.requireState(id));
            }
        } else {
            List<AgentState> known = new ArrayList<>();
            for (String id : candidates) {
                org.state(id).ifPresent(known::add);
            }
            int from = Math.min(known.size(), (pageNumber - 1) * pageSize);
            users = known.subList(from, Math.min(known.size(), from + pageSize));
            candidates = known.stream().map(AgentState::userId).toList();
        }
        long total = candidates.size();
        int pageCount = (int) ((total + pageSize - 1) / pageSize);
        ObjectNode body = Wire.object();
        ArrayNode entities = body.putArray("entities");
        for (AgentState s : users) {
            ObjectNode u = entities.addObject();
            u.put("id", s.userId());
            u.put("name", s.name());
            u.putObject("division").put("id", org.businessUnit(s.businessUnitId()).orElseThrow().divisionId())
                    .put("name", "Home").put("selfUri", "/api/v2/authorization/divisions/"
                            + org.businessUnit(s.businessUnitId()).orElseThrow().divisionId());
            u.put("state", "active");
            u.put("username", username(s));
            u.put("email", username(s));
            u.put("version", 1);
            u.put("acdAutoAnswer", false);
            if (expand.contains("presence")) {
                u.set("presence", PresenceJson.userPresence(s, variations));
            }
            if (expand.contains("routingStatus")) {
                u.set("routingStatus", PresenceJson.routingStatus(s, variations));
            }
            // The other documented expands are not modelled: absent, as Genesys' best effort allows.
            if (expand.contains("conversationSummary")) {
                u.set("conversationSummary", PresenceJson.conversationSummary(s));
            }
            u.put("selfUri", "/api/v2/users/" + s.userId());
        }
        body.put("pageSize", pageSize);
        body.put("pageNumber", pageNumber);
        body.put("total", total);
        body.put("pageCount", pageCount);
        String base = "/api/v2/users?pageSize=" + pageSize + idsQuery(ids) + expandQuery(expand);
        body.put("firstUri", base + "&pageNumber=1");
        body.put("selfUri", base + "&pageNumber=" + pageNumber);
        if (pageCount > 0) {
            body.put("lastUri", base + "&pageNumber=" + pageCount);
        }
        if (pageNumber < pageCount) {
            body.put("nextUri", base + "&pageNumber=" + (pageNumber + 1));
        }
        if (pageNumber > 1) {
            body.put("previousUri", base + "&pageNumber=" + (pageNumber - 1));
        }
        return Reply.json(body);
    }

    /** True for descending. The docs list ASC/DESC (SDK 262) and ascending/descending (SDK 212). */
    private static boolean sortOrder(Request request) {
        String order = request.query("sortOrder").orElse("ASC");
        return switch (order.toLowerCase(java.util.Locale.ROOT)) {
            case "asc", "ascending" -> false;
            case "desc", "descending" -> true;
            default -> throw ApiError.invalidValue("Value [" + order + "] is not valid for field type [sortOrder]. "
                    + "Allowable values are: ASC, DESC, ascending, descending");
        };
    }

    private static String username(AgentState s) {
        return s.name().toLowerCase().replace(' ', '.') + "@example.com";
    }

    private static String idsQuery(List<String> ids) {
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append("&id=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String expandQuery(List<String> expand) {
        return expand.isEmpty() ? "" : "&expand=" + String.join(",", expand);
    }
}
