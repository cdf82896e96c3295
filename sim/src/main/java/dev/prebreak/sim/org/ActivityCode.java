package dev.prebreak.sim.org;

import java.util.List;

/** A business unit activity code. Default codes have short ids ("0".."8"), custom ones GUIDs. */
public record ActivityCode(String id, String name, boolean active, boolean defaultCode, ActivityCategory category,
                           int lengthInMinutes, boolean countsAsPaidTime, boolean countsAsWorkTime,
                           List<String> secondaryPresenceIds) {
    public ActivityCode {
        secondaryPresenceIds = List.copyOf(secondaryPresenceIds);
    }
}
