package dev.prebreak.sim.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Schedule edits as a WFM planner makes them: a break or meal is moved or removed and the on-queue work
 * around it closes up, so the shift stays tiled with activities and nothing overlaps.
 */
final class ShiftEdit {
    private ShiftEdit() {
    }

    static Shift move(Shift shift, Instant oldStart, Instant newStart, Predicate<String> isWorkCode,
                      String fallbackWorkCode) {
        Activity moved = find(shift, oldStart, isWorkCode).movedTo(newStart);
        if (moved.startDate().isBefore(shift.startDate()) || moved.endDate().isAfter(shift.endDate())) {
            throw new IllegalArgumentException("activity would leave its shift (" + shift.startDate() + " to "
                    + shift.endDate() + ")");
        }
        List<Activity> kept = new ArrayList<>();
        for (Activity a : shift.activities()) {
            if (isWorkCode.test(a.activityCodeId()) || a.startDate().equals(oldStart)) {
                continue;
            }
            if (a.startDate().isBefore(moved.endDate()) && a.endDate().isAfter(moved.startDate())) {
                throw new IllegalArgumentException("activity would overlap " + a.description() + " at " + a.startDate());
            }
            kept.add(a);
        }
        kept.add(moved);
        return shift.withActivities(Shift.tile(shift.startDate(), shift.lengthMinutes(), kept, workCode(shift, isWorkCode, fallbackWorkCode)));
    }

    static Shift delete(Shift shift, Instant start, Predicate<String> isWorkCode, String fallbackWorkCode) {
        find(shift, start, isWorkCode);
        List<Activity> kept = shift.activities().stream()
                .filter(a -> !isWorkCode.test(a.activityCodeId()) && !a.startDate().equals(start))
                .toList();
        return shift.withActivities(Shift.tile(shift.startDate(), shift.lengthMinutes(), kept, workCode(shift, isWorkCode, fallbackWorkCode)));
    }

    private static Activity find(Shift shift, Instant start, Predicate<String> isWorkCode) {
        return shift.activities().stream()
                .filter(a -> a.startDate().equals(start) && !isWorkCode.test(a.activityCodeId()))
                .findFirst()
                .orElseThrow(() -> new UnknownEntityException("no break, meal or other non-work activity starts at "
                        + start));
    }

    private static String workCode(Shift shift, Predicate<String> isWorkCode, String fallback) {
        return shift.activities().stream().map(Activity::activityCodeId).filter(isWorkCode).findFirst()
                .orElse(fallback);
    }

}
