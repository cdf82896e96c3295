package dev.prebreak.sim.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prebreak.sim.org.Activity;
import dev.prebreak.sim.org.BusinessUnit;
import dev.prebreak.sim.org.ManagementUnit;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.Shift;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Published agent schedule search for a BU or an MU, in its three shapes: {@code Complete} with the result
 * inline, {@code Complete} with a {@code downloadUrl}, and {@code Processing} with an {@code operationId}
 * (the result would be pushed on a notification topic the simulator does not serve).
 */
final class ScheduleSearchResource {

    /** {@code BuSearchAgentSchedulesRequest}; dates kept as text to report bad ones precisely. */
    record SearchBody(String startDate, String endDate, List<String> userIds) {
    }

    private final Org org;
    private final ApiSettings settings;
    private final Variations variations;
    private final Downloads downloads;

    ScheduleSearchResource(Org org, ApiSettings settings, Variations variations, Downloads downloads) {
        this.org = org;
        this.settings = settings;
        this.variations = variations;
        this.downloads = downloads;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search",
                        "postWorkforcemanagementBusinessunitAgentschedulesSearch", Access.API, this::searchBu),
                new Route("POST", "/api/v2/workforcemanagement/managementunits/{managementUnitId}/agentschedules/search",
                        "postWorkforcemanagementManagementunitAgentschedulesSearch", Access.API, this::searchMu));
    }

    private Reply searchBu(Request request) {
        String buId = request.param("businessUnitId");
        BusinessUnit bu = org.businessUnit(buId)
                .orElseThrow(() -> ApiError.notFound("The business unit " + buId + " was not found"));
        return search(request, bu, org.userIdsInBusinessUnit(bu.id()), "business unit");
    }

    private Reply searchMu(Request request) {
        String muId = request.param("managementUnitId");
        ManagementUnit mu = org.managementUnit(muId)
                .orElseThrow(() -> ApiError.notFound("The management unit " + muId + " was not found"));
        return search(request, org.businessUnit(mu.businessUnitId()).orElseThrow(), mu.userIds(), "management unit");
    }

    private Reply search(Request request, BusinessUnit bu, List<String> members, String unitKind) {
        SearchBody body = request.bodyAs(SearchBody.class);
        if (body.startDate() == null || body.endDate() == null) {
            throw ApiError.badRequest("startDate and endDate are required");
        }
        Instant start = Wire.parseTime(body.startDate());
        Instant end = Wire.parseTime(body.endDate());
        if (start == null || end == null) {
            throw ApiError.invalidValue("startDate and endDate must be ISO-8601 date-times, e.g. 2026-11-24T13:00:00.000Z");
        }
        if (!end.isAfter(start)) {
            throw ApiError.badRequest("endDate must be after startDate");
        }
        if (Duration.between(start, end).compareTo(settings.maxSearchWindow()) > 0) {
            throw ApiError.badRequest("The search window may not exceed " + settings.maxSearchWindow().toDays() + " days");
        }
        List<String> users;
        if (body.userIds() == null) {
            users = members;
        } else {
            Set<String> memberSet = Set.copyOf(members);
            Set<String> requested = new LinkedHashSet<>(body.userIds());
            List<String> outside = requested.stream().filter(id -> !memberSet.contains(id)).toList();
            if (!outside.isEmpty() && variations.outsiders() == Variations.Outsiders.BAD_REQUEST) {
                throw ApiError.badRequest("Users not found in the " + unitKind + ": "
                        + String.join(", ", outside.subList(0, Math.min(10, outside.size())))
                        + (outside.size() > 10 ? " and " + (outside.size() - 10) + " more" : ""));
            }
            // Otherwise outsiders are left out of the answer (undocumented either way: a setting).
            requested.removeAll(outside);
            users = List.copyOf(requested);
        }

        ObjectNode answer = Wire.object();
        if (request.queryFlag("forceAsync") || users.size() > settings.asyncThresholdUsers()) {
            answer.put("status", "Processing");
            answer.put("operationId", UUID.randomUUID().toString());
            answer.put("progress", 0);
            return Reply.json(answer);
        }
        ObjectNode result = result(bu, users, start, end);
        byte[] resultBytes = Wire.bytes(result);
        answer.put("status", "Complete");
        if (request.queryFlag("forceDownloadService") || users.size() > settings.downloadThresholdUsers()
                || resultBytes.length > settings.downloadThresholdBytes()) {
            answer.put("downloadUrl", downloads.park(resultBytes));
        } else {
            answer.set("result", result);
        }
        return Reply.json(answer);
    }

    private ObjectNode result(BusinessUnit bu, List<String> users, Instant start, Instant end) {
        ObjectNode result = Wire.object();
        ArrayNode schedules = result.putArray("agentSchedules");
        Map<String, LocalDate> weeks = new LinkedHashMap<>();
        for (String userId : users) {
            ObjectNode agent = schedules.addObject();
            agent.putObject("user").put("id", userId).put("selfUri", "/api/v2/users/" + userId);
            ArrayNode shifts = agent.putArray("shifts");
            List<Shift> found = variations.shiftsReturned() == Variations.ShiftsReturned.STARTING_IN_WINDOW
                    ? org.shiftsStartingIn(userId, start, end) : org.shifts(userId, start, end);
            for (Shift s : found) {
                shifts.add(shift(s));
                weeks.putIfAbsent(s.scheduleId(), s.weekDate());
            }
            agent.putArray("fullDayTimeOffMarkers");
        }
        result.put("businessUnitTimeZone", bu.timeZone().getId());
        ArrayNode published = result.putArray("publishedSchedules");
        List<Map.Entry<String, LocalDate>> ordered = new ArrayList<>(weeks.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, LocalDate> w : ordered) {
            published.addObject().put("id", w.getKey()).put("weekDate", Wire.date(w.getValue())).put("weekCount", 1)
                    .put("selfUri", "/api/v2/workforcemanagement/businessunits/" + bu.id() + "/weeks/"
                            + w.getValue() + "/schedules/" + w.getKey());
        }
        return result;
    }

    private static ObjectNode shift(Shift s) {
        ObjectNode o = Wire.object();
        o.put("id", s.id());
        o.put("startDate", Wire.time(s.startDate()));
        o.put("lengthMinutes", s.lengthMinutes());
        ArrayNode activities = o.putArray("activities");
        for (Activity a : s.activities()) {
            ObjectNode ao = activities.addObject();
            ao.put("startDate", Wire.time(a.startDate()));
            ao.put("lengthMinutes", a.lengthMinutes());
            ao.put("description", a.description());
            ao.put("activityCodeId", a.activityCodeId());
            ao.put("paid", a.paid());
            ao.put("payableMinutes", a.paid() ? a.lengthMinutes() : 0);
        }
        o.put("manuallyEdited", s.manuallyEdited());
        o.putObject("schedule").put("id", s.scheduleId()).put("weekDate", Wire.date(s.weekDate()));
        return o;
    }
}
