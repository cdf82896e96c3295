package dev.prebreak.sim.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A published shift: activities in start order, tiling the shift. */
public record Shift(String id, Instant startDate, int lengthMinutes, List<Activity> activities,
                    boolean manuallyEdited, String scheduleId, LocalDate weekDate) {
    public Shift {
        activities = List.copyOf(activities);
    }

    public Instant endDate() {
        return startDate.plusSeconds(60L * lengthMinutes);
    }

    /** Whether the shift overlaps the half-open window [from, to). */
    public boolean overlaps(Instant from, Instant to) {
        return startDate.isBefore(to) && endDate().isAfter(from);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(startDate) && at.isBefore(endDate());
    }

    public Shift withActivities(List<Activity> newActivities) {
        return new Shift(id, startDate, lengthMinutes, newActivities, true, scheduleId, weekDate);
    }

    /**
     * Lays out a shift's activities: the given non-work activities in start order, with paid on-queue
     * work (code {@code workCode}) filling every gap, as WFM publishes them.
     */
    public static List<Activity> tile(Instant shiftStart, int shiftMinutes, List<Activity> nonWork, String workCode) {
        List<Activity> sorted = new ArrayList<>(nonWork);
        sorted.sort(Comparator.comparing(Activity::startDate));
        Instant end = shiftStart.plusSeconds(60L * shiftMinutes);
        List<Activity> out = new ArrayList<>(sorted.size() * 2 + 1);
        Instant cursor = shiftStart;
        for (Activity a : sorted) {
            if (a.startDate().isAfter(cursor)) {
                out.add(work(cursor, a.startDate(), workCode));
            }
            out.add(a);
            cursor = a.endDate();
        }
        if (end.isAfter(cursor)) {
            out.add(work(cursor, end, workCode));
        }
        return out;
    }

    private static Activity work(Instant from, Instant to, String workCode) {
        int minutes = (int) ((to.getEpochSecond() - from.getEpochSecond()) / 60);
        return new Activity(from, minutes, workCode, "On Queue Work", true);
    }
}
