package dev.prebreak.genesys.wire;

import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.AgentSchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code BuAgentSchedulesSearchResponse}: published schedules, one entry per agent. */
public record ScheduleSearchResult(List<AgentScheduleAnswer> agentSchedules, String businessUnitTimeZone) {
    public ScheduleSearchResult {
        agentSchedules = agentSchedules == null ? List.of() : agentSchedules;
    }

    /** Flattens every shift of every agent into activities. */
    public List<AgentSchedule> toCore() {
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
                for (int a = 0; a < items.size(); a++) {
                    String at = where + ".shifts[" + s + "].activities[" + a + "]";
                    ActivityAnswer item = WireException.required(items.get(a), at);
                    int minutes = WireException.required(item.lengthMinutes(), at + ".lengthMinutes");
                    if (minutes < 0) {
                        throw new WireException("field '" + at + ".lengthMinutes' is negative: " + minutes);
                    }
                    activities.add(new Activity(item.activityCodeId(), WireTime.parse(item.startDate(), at + ".startDate"),
                            Duration.ofMinutes(minutes), item.description()));
                }
            }
            schedules.add(new AgentSchedule(agent.user().id(), activities));
        }
        return schedules;
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
