package dev.prebreak.genesys.wire;

import java.util.List;

/** {@code BuSearchAgentSchedulesRequest}. */
public record ScheduleSearchRequest(String startDate, String endDate, List<String> userIds) {
}
