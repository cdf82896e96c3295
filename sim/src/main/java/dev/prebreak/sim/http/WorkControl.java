package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.work.BreakTaken;
import dev.prebreak.sim.work.Interaction;
import dev.prebreak.sim.work.QueueSpec;
import dev.prebreak.sim.work.WorkModel;
import java.time.Instant;
import java.util.List;

/** The work model's ground truth in the control API: its centre, every interaction and every break. */
final class WorkControl {
    private final Org org;

    WorkControl(Org org) {
        this.org = org;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/_sim/work", "simGetWork", Access.CONTROL, r -> Reply.json(summary())),
                new Route("GET", "/_sim/work/interactions", "simGetInteractions", Access.CONTROL, this::interactions),
                new Route("GET", "/_sim/work/breaks", "simGetBreaks", Access.CONTROL, this::breaks));
    }

    private WorkModel model() {
        return org.work().filter(WorkModel.class::isInstance).map(WorkModel.class::cast)
                .orElseThrow(() -> ApiError.notFound("no work model is attached to this simulator"));
    }

    private ObjectNode summary() {
        WorkModel model = model();
        model.advanceTo(org.clock().instant());
        ObjectNode o = Wire.object();
        o.put("centre", model.spec().name());
        o.put("occupancy", model.spec().occupancy());
        ArrayNode queues = o.putArray("queues");
        for (QueueSpec q : model.spec().queues()) {
            queues.addObject().put("name", q.name()).put("media", q.media().wire()).put("workloadShare", q.workloadShare())
                    .put("handleMean", q.handleMean().toString()).put("handleSd", q.handleSd().toString())
                    .put("afterCallWorkMean", q.afterCallWorkMean().toString())
                    .put("patienceMean", q.patienceMean().toString());
        }
        ObjectNode capacity = o.putObject("capacity");
        model.spec().capacity().forEach((m, n) -> capacity.put(m.wire(), n));
        o.put("eventsProcessed", model.eventsProcessed());
        return o;
    }

    private Reply interactions(Request request) {
        WorkModel model = model();
        model.advanceTo(org.clock().instant());
        Instant since = since(request);
        String user = request.query("userId").orElse(null);
        ArrayNode out = Wire.array();
        for (Interaction i : model.interactions()) {
            if ((since != null && i.offered().isBefore(since)) || (user != null && !user.equals(i.agentId()))) {
                continue;
            }
            ObjectNode n = out.addObject().put("id", i.id()).put("queue", i.queue()).put("media", i.media().wire())
                    .put("offered", Wire.time(i.offered()));
            putIf(n, "agentId", i.agentId());
            putTime(n, "answered", i.answered());
            putTime(n, "ended", i.ended());
            putTime(n, "acwEnded", i.acwEnded());
            putTime(n, "abandoned", i.abandoned());
        }
        return Reply.json(listing(out));
    }

    private Reply breaks(Request request) {
        WorkModel model = model();
        model.advanceTo(org.clock().instant());
        Instant since = since(request);
        String user = request.query("userId").orElse(null);
        ArrayNode out = Wire.array();
        for (BreakTaken b : model.breaks()) {
            if ((since != null && b.scheduledStart().isBefore(since)) || (user != null && !user.equals(b.userId()))) {
                continue;
            }
            ObjectNode n = out.addObject().put("userId", b.userId()).put("category", b.category())
                    .put("scheduledStart", Wire.time(b.scheduledStart())).put("lengthMinutes", b.lengthMinutes());
            putTime(n, "actualStart", b.actualStart());
            putTime(n, "end", b.end());
            n.put("capacityLostSeconds", b.capacityLost().toMillis() / 1000.0);
            n.put("forgotSeconds", b.forgot().toMillis() / 1000.0);
        }
        return Reply.json(listing(out));
    }

    private static Instant since(Request request) {
        if (request.query("since").isEmpty()) {
            return null;
        }
        Instant since = Wire.parseTime(request.query("since").get());
        if (since == null) {
            throw ApiError.badRequest("since must be an ISO-8601 instant");
        }
        return since;
    }

    private static ObjectNode listing(ArrayNode entities) {
        ObjectNode o = Wire.object();
        o.put("total", entities.size());
        o.set("entities", entities);
        return o;
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static void putTime(ObjectNode n, String field, Instant value) {
        if (value != null) {
            n.put(field, Wire.time(value));
        }
    }
}
