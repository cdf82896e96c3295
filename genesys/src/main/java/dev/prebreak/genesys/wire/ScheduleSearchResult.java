package dev.prebreak.genesys.wire;

import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code BuAgentSchedulesSearchResponse}: published schedules, one entry per agent. */
public record ScheduleSearchResult(List<AgentScheduleAnswer> agentSchedules, String businessUnitTimeZone) {
    public ScheduleSearchResult {
        agentSchedules = agentSchedules == null ? List.of() : agentSchedules;
    }

    /** Flattens every shift of every agent into activities. */
    public List<AgentSchedule> toCore() {
        return toCore(Instant.MIN, Instant.MAX);
    }

    /**
     * Flattens the shifts that overlap [{@code from}, {@code to}) into activities, dropping the others: a
     * search may be asked for a wider window than the caller wants (see {@code ScheduleSearch}). A shift
     * spans from its start for its length, and at least over its activities (Genesys marks neither
     * {@code startDate} nor {@code lengthMinutes} of a shift as required).
     */
    public List<AgentSchedule> toCore(Instant from, Instant to) {
        List<AgentSchedule> schedules = new ArrayList<>(agentSchedules.size());
        for (int i = 0; i < agentSchedules.size(); i++) {
            AgentScheduleAnswer agent = agentSchedules.get(i);
            String where = "agentSchedules[" + i + "]";
            if (agent == null || agent.user() == null || agent.user().id() == null) {
                throw new WireException("required field '" + where + ".user.id' is missing");
            }
            List<Activity> activities = new ArrayList<>();
            List<ShiftAnswer> shifts = agent.shifts() == null ? List.of() : agent.shifts();
            for (int s = 0; s < shifts.size(); s++) {
                ShiftAnswer shift = shifts.get(s);
                List<ActivityAnswer> items = shift == null || shift.activities() == null ? List.of() : shift.activities();
                List<Activity> ofShift = new ArrayList<>(items.size());
                for (int a = 0; a < items.size(); a++) {
                    String at = where + ".shifts[" + s + "].activities[" + a + "]";
                    ActivityAnswer item = WireException.required(items.get(a), at);
                    int minutes = WireException.required(item.lengthMinutes(), at + ".lengthMinutes");
                    if (minutes < 0) {
                        throw new WireException("field '" + at + ".lengthMinutes' is negative: " + minutes);
                    }
                    ofShift.add(new Activity(item.activityCodeId(), WireTime.parse(item.startDate(), at + ".startDate"),
                            Duration.ofMinutes(minutes), item.description()));
                }
                if (overlaps(shift, ofShift, where + ".shifts[" + s + "]", from, to)) {
                    activities.addAll(ofShift);
                }
            }
            schedules.add(new AgentSchedule(agent.user().id(), activities));
        }
        return schedules;
    }

    private static boolean overlaps(ShiftAnswer shift, List<Activity> activities, String where, Instant from, Instant to) {
        Instant start = null;
        Instant end = null;
        if (shift != null && shift.startDate() != null) {
            start = WireTime.parse(shift.startDate(), where + ".startDate");
            end = shift.lengthMinutes() == null ? start : start.plus(Duration.ofMinutes(Math.max(0, shift.lengthMinutes())));
        }
        for (Activity a : activities) {
            start = start == null || a.start().isBefore(start) ? a.start() : start;
            end = end == null || a.end().isAfter(end) ? a.end() : end;
        }
        // A shift with no time at all has nothing to act on; keep it only when the whole answer is wanted.
        if (start == null) {
            return from.equals(Instant.MIN);
        }
        return start.isBefore(to) && end.isAfter(from);
    }

    /** {@code BuAgentScheduleSearchResponse}. */
    public record AgentScheduleAnswer(EntityRef user, List<ShiftAnswer> shifts) {
    }

    /** {@code BuAgentScheduleShift}. */
    public record ShiftAnswer(String id, String startDate, Integer lengthMinutes, List<ActivityAnswer> activities) {
    }

    /** {@code BuAgentScheduleActivity}. */
    public record ActivityAnswer(String startDate, Integer lengthMinutes, String description, String activityCodeId) {
    }
}
