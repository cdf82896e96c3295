package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.org.AgentState;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceChange;
import dev.prebreak.sim.org.PresenceDefinition;
import dev.prebreak.sim.org.Shift;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own API under {@code /_sim/}: open (no token), never faulted, never rate limited, and
 * obviously not a Genesys path. Everything here is also reachable from Java on {@code Simulator}.
 */
final class ControlApi {
    record ClockBody(String set, String advance) {
    }

    record UserBody(String presenceId, String presence, String interactionUntil, Long interactionSeconds,
                    Boolean endInteraction, Boolean interactionsEnabled) {
    }

    record MoveBody(String start, String newStart) {
    }

    record FaultsBody(Long seed, Boolean clear, FaultProfile global, Map<String, FaultProfile> endpoints,
                      List<ScriptedFault> scripted) {
    }

    record ClientBody(String secret, List<String> permissions) {
    }

    record VariationsBody(Variations.ShiftsReturned shiftsReturned, Variations.Outsiders outsiders,
                          Double notRespondingShare, Double communicatingShare, Boolean unknownEnums) {
    }

    private static final String CONTROL_CLIENT = "_sim";

    private final Org org;
    private final SimClock clock;
    private final Faults faults;
    private final Tokens tokens;
    private final RequestStats stats;
    private final OAuthClients clients;
    private final Variations variations;

    ControlApi(Org org, SimClock clock, Faults faults, Tokens tokens, OAuthClients clients, Variations variations,
               RequestStats stats) {
        this.org = org;
        this.clock = clock;
        this.faults = faults;
        this.tokens = tokens;
        this.clients = clients;
        this.variations = variations;
        this.stats = stats;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/_sim/clock", "simGetClock", Access.CONTROL, r -> Reply.json(clockJson())),
                new Route("PUT", "/_sim/clock", "simPutClock", Access.CONTROL, this::putClock),
                new Route("GET", "/_sim/org", "simGetOrg", Access.CONTROL, r -> Reply.json(summary())),
                new Route("GET", "/_sim/users/{userId}", "simGetUser", Access.CONTROL, this::getUser),
                new Route("PUT", "/_sim/users/{userId}", "simPutUser", Access.CONTROL, this::putUser),
                new Route("POST", "/_sim/users/{userId}/activities/move", "simMoveActivity", Access.CONTROL,
                        this::moveActivity),
                new Route("DELETE", "/_sim/users/{userId}/activities/{start}", "simDeleteActivity", Access.CONTROL,
                        this::deleteActivity),
                new Route("GET", "/_sim/faults", "simGetFaults", Access.CONTROL, r -> Reply.json(faultsJson())),
                new Route("POST", "/_sim/faults", "simPostFaults", Access.CONTROL, this::postFaults),
                new Route("DELETE", "/_sim/faults", "simDeleteFaults", Access.CONTROL, r -> {
                    faults.clear();
                    return Reply.json(faultsJson());
                }),
                new Route("POST", "/_sim/tokens/revoke", "simRevokeTokens", Access.CONTROL, r -> {
                    tokens.revokeAll();
                    return Reply.noContent();
                }),
                new Route("GET", "/_sim/presence-log", "simPresenceLog", Access.CONTROL, this::presenceLog),
                new Route("GET", "/_sim/clients", "simGetClients", Access.CONTROL, r -> Reply.json(clientsJson())),
                new Route("PUT", "/_sim/clients/{clientId}", "simPutClient", Access.CONTROL, this::putClient),
                new Route("GET", "/_sim/variations", "simGetVariations", Access.CONTROL,
                        r -> Reply.json(variationsJson())),
                new Route("PUT", "/_sim/variations", "simPutVariations", Access.CONTROL, this::putVariations),
                new Route("GET", "/_sim/stats", "simGetStats", Access.CONTROL, r -> Reply.json(statsJson())),
                new Route("DELETE", "/_sim/stats", "simDeleteStats", Access.CONTROL, r -> {
                    stats.reset();
                    return Reply.noContent();
                }));
    }

    private ObjectNode clockJson() {
        ObjectNode o = Wire.object();
        o.put("now", Wire.time(clock.instant()));
        o.put("mode", clock.mode().name());
        o.put("speed", clock.speed());
        return o;
    }

    private Reply putClock(Request request) {
        ClockBody body = request.bodyAs(ClockBody.class);
        if (body.set() != null) {
            Instant at = Wire.parseTime(body.set());
            if (at == null) {
                throw ApiError.badRequest("set must be an ISO-8601 instant");
            }
            clock.set(at);
        }
        if (body.advance() != null) {
            clock.advance(duration(body.advance()));
        }
        return Reply.json(clockJson());
    }

    private ObjectNode summary() {
        ObjectNode o = Wire.object();
        o.put("agents", org.agentCount());
        o.put("now", Wire.time(clock.instant()));
        ArrayNode bus = o.putArray("businessUnits");
        for (BusinessUnit bu : org.businessUnits()) {
            ObjectNode b = bus.addObject();
            b.put("id", bu.id());
            b.put("name", bu.name());
            b.put("timeZone", bu.timeZone().getId());
            b.put("agents", org.userIdsInBusinessUnit(bu.id()).size());
            ArrayNode mus = b.putArray("managementUnits");
            for (ManagementUnit mu : org.managementUnits(bu.id())) {
                mus.addObject().put("id", mu.id()).put("name", mu.name()).put("agents", mu.userIds().size());
            }
        }
        ArrayNode presences = o.putArray("presenceDefinitions");
        for (PresenceDefinition d : org.presenceDefinitions()) {
            presences.addObject().put("id", d.id()).put("name", d.name())
                    .put("systemPresence", d.systemPresence().definitionSpelling())
                    .put("type", d.system() ? "System" : "User").put("deactivated", d.deactivated());
        }
        return o;
    }

    private Reply getUser(Request request) {
        String userId = request.param("userId");
        AgentState s = org.state(userId).orElseThrow(() -> ApiError.notFound("User " + userId + " not found"));
        return Reply.json(userJson(s));
    }

    private ObjectNode userJson(AgentState s) {
        ObjectNode o = Wire.object();
        o.put("id", s.userId());
        o.put("name", s.name());
        o.put("businessUnitId", s.businessUnitId());
        o.put("managementUnitId", s.managementUnitId());
        o.put("presenceId", s.presence().id());
        o.put("presence", s.presence().name());
        o.put("systemPresence", s.presence().systemPresence().definitionSpelling());
        o.put("presenceModified", Wire.time(s.presenceModified()));
        o.put("routingStatus", s.routingStatus().name());
        o.put("routingSince", Wire.time(s.routingSince()));
        if (s.interactionUntil() != null) {
            o.put("interactionUntil", Wire.time(s.interactionUntil()));
        }
        o.put("interactionsEnabled", s.interactionsEnabled());
        o.put("interactionsHandled", s.interactionsHandled());
        ArrayNode shifts = o.putArray("shifts");
        for (Shift shift : org.shifts(s.userId())) {
            ObjectNode so = shifts.addObject();
            so.put("id", shift.id());
            so.put("startDate", Wire.time(shift.startDate()));
            so.put("lengthMinutes", shift.lengthMinutes());
            so.put("manuallyEdited", shift.manuallyEdited());
            ArrayNode acts = so.putArray("activities");
            shift.activities().forEach(a -> acts.addObject().put("startDate", Wire.time(a.startDate()))
                    .put("lengthMinutes", a.lengthMinutes()).put("activityCodeId", a.activityCodeId())
                    .put("description", a.description()).put("paid", a.paid()));
        }
        return o;
    }

    private Reply putUser(Request request) {
        String userId = request.param("userId");
        if (!org.hasUser(userId)) {
            throw ApiError.notFound("User " + userId + " not found");
        }
        UserBody body = request.bodyAs(UserBody.class);
        String presenceId = body.presenceId();
        if (presenceId == null && body.presence() != null) {
            presenceId = org.presenceDefinitionByLabel(body.presence())
                    .orElseThrow(() -> ApiError.badRequest("No active presence named " + body.presence())).id();
        }
        if (presenceId != null) {
            org.setPresence(userId, presenceId, CONTROL_CLIENT, request.endpoint());
        }
        if (Boolean.TRUE.equals(body.endInteraction())) {
            org.endInteraction(userId);
        }
        if (body.interactionsEnabled() != null) {
            org.setInteractionsEnabled(userId, body.interactionsEnabled());
        }
        if (body.interactionSeconds() != null) {
            org.startInteraction(userId, Duration.ofSeconds(body.interactionSeconds()));
        } else if (body.interactionUntil() != null) {
            Instant until = Wire.parseTime(body.interactionUntil());
            if (until == null) {
                throw ApiError.badRequest("interactionUntil must be an ISO-8601 instant");
            }
            org.startInteraction(userId, Duration.between(clock.instant(), until));
        }
        return Reply.json(userJson(org.requireState(userId)));
    }

    private Reply moveActivity(Request request) {
        MoveBody body = request.bodyAs(MoveBody.class);
        Instant start = Wire.parseTime(body.start());
        Instant newStart = Wire.parseTime(body.newStart());
        if (start == null || newStart == null) {
            throw ApiError.badRequest("start and newStart are required ISO-8601 instants");
        }
        org.moveActivity(request.param("userId"), start, newStart);
        return Reply.json(userJson(org.requireState(request.param("userId"))));
    }

    private Reply deleteActivity(Request request) {
        Instant start = Wire.parseTime(request.param("start"));
        if (start == null) {
            throw ApiError.badRequest("the activity start must be an ISO-8601 instant");
        }
        org.deleteActivity(request.param("userId"), start);
        return Reply.json(userJson(org.requireState(request.param("userId"))));
    }

    private Reply postFaults(Request request) {
        FaultsBody body = request.bodyAs(FaultsBody.class);
        if (Boolean.TRUE.equals(body.clear())) {
            faults.clear();
        }
        if (body.seed() != null) {
            faults.reseed(body.seed());
        }
        if (body.global() != null) {
            faults.global(body.global());
        }
        if (body.endpoints() != null) {
            body.endpoints().forEach(faults::endpoint);
        }
        if (body.scripted() != null) {
            for (ScriptedFault f : body.scripted()) {
                if (f.endpoint() == null || f.kind() == null) {
                    throw ApiError.badRequest("scripted faults need endpoint and kind");
                }
                faults.script(f);
            }
        }
        return Reply.json(faultsJson());
    }

    private ObjectNode faultsJson() {
        ObjectNode o = Wire.object();
        o.put("seed", faults.seed());
        o.set("global", Wire.MAPPER.valueToTree(faults.globalProfile()));
        o.set("endpoints", Wire.MAPPER.valueToTree(faults.endpointProfiles()));
        o.set("scripted", Wire.MAPPER.valueToTree(faults.pendingScripted()));
        return o;
    }

    private Reply presenceLog(Request request) {
        List<PresenceChange> changes;
        if (request.query("since").isPresent()) {
            Instant since = Wire.parseTime(request.query("since").get());
            if (since == null) {
                throw ApiError.badRequest("since must be an ISO-8601 instant");
            }
            changes = org.presenceLog().since(since);
        } else if (request.query("after").isPresent()) {
            changes = org.presenceLog().after(Long.parseLong(request.query("after").get()));
        } else {
            changes = org.presenceLog().all();
        }
        String user = request.query("userId").orElse(null);
        ArrayNode out = Wire.array();
        for (PresenceChange c : changes) {
            if (user != null && !user.equals(c.userId())) {
                continue;
            }
            out.addObject().put("sequence", c.sequence()).put("userId", c.userId())
                    .put("fromPresenceId", c.fromPresenceId())
                    .put("fromSystemPresence", c.fromSystemPresence().definitionSpelling())
                    .put("toPresenceId", c.toPresenceId())
                    .put("toSystemPresence", c.toSystemPresence().definitionSpelling())
                    .put("at", Wire.time(c.at())).put("clientId", c.clientId()).put("endpoint", c.endpoint());
        }
        ObjectNode o = Wire.object();
        o.put("total", out.size());
        o.set("entities", out);
        return Reply.json(o);
    }

    private ObjectNode clientsJson() {
        ObjectNode o = Wire.object();
        ArrayNode list = o.putArray("entities");
        for (OAuthClient c : clients.all()) {
            // Secrets stay out: the control API reports roles, not credentials.
            ObjectNode e = list.addObject().put("id", c.id());
            ArrayNode permissions = e.putArray("permissions");
            new java.util.TreeSet<>(c.permissions()).forEach(permissions::add);
        }
        return o;
    }

    /** Creates a client or replaces its role (and its secret, when one is given). */
    private Reply putClient(Request request) {
        String id = request.param("clientId");
        ClientBody body = request.bodyAs(ClientBody.class);
        String secret = body.secret() != null ? body.secret()
                : clients.find(id).map(OAuthClient::secret).orElseThrow(
                        () -> ApiError.badRequest("a new OAuth client needs a secret"));
        clients.put(new OAuthClient(id, secret, body.permissions() == null ? java.util.Set.of()
                : java.util.Set.copyOf(body.permissions())));
        return Reply.json(clientsJson());
    }

    private ObjectNode variationsJson() {
        ObjectNode o = Wire.object();
        o.put("shiftsReturned", variations.shiftsReturned().name());
        o.put("outsiders", variations.outsiders().name());
        o.put("notRespondingShare", variations.notRespondingShare());
        o.put("communicatingShare", variations.communicatingShare());
        o.put("unknownEnums", variations.unknownEnums());
        return o;
    }

    private Reply putVariations(Request request) {
        VariationsBody body = request.bodyAs(VariationsBody.class);
        if (body.shiftsReturned() != null) {
            variations.shiftsReturned(body.shiftsReturned());
        }
        if (body.outsiders() != null) {
            variations.outsiders(body.outsiders());
        }
        if (body.notRespondingShare() != null || body.communicatingShare() != null) {
            variations.routingShares(
                    body.notRespondingShare() != null ? body.notRespondingShare() : variations.notRespondingShare(),
                    body.communicatingShare() != null ? body.communicatingShare() : variations.communicatingShare());
        }
        if (body.unknownEnums() != null) {
            variations.unknownEnums(body.unknownEnums());
        }
        return Reply.json(variationsJson());
    }

    private ObjectNode statsJson() {
        ObjectNode o = Wire.object();
        o.put("total", stats.total());
        ObjectNode endpoints = o.putObject("endpoints");
        stats.snapshot().forEach((endpoint, byStatus) -> {
            ObjectNode e = endpoints.putObject(endpoint);
            byStatus.forEach((status, n) -> e.put(String.valueOf(status), n));
        });
        return o;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return Duration.ofSeconds(Long.parseLong(text));
            } catch (NumberFormatException e2) {
                throw ApiError.badRequest("advance must be an ISO-8601 duration (PT5M) or seconds");
            }
        }
    }
}
