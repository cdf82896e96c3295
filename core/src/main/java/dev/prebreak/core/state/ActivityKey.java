package dev.prebreak.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one activity acted on under one rule: an activity is acted on once per rule, ever.
 * The business unit comes first so that stores can partition by it.
 */
public record ActivityKey(String businessUnitId, String userId, Instant activityStart, String ruleName)
        implements Comparable<ActivityKey> {
    public ActivityKey {
        Objects.requireNonNull(businessUnitId, "businessUnitId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(activityStart, "activityStart");
        Objects.requireNonNull(ruleName, "ruleName");
    }

    @Override
    public int compareTo(ActivityKey o) {
        int c = activityStart.compareTo(o.activityStart);
        if (c == 0) c = businessUnitId.compareTo(o.businessUnitId);
        if (c == 0) c = userId.compareTo(o.userId);
        if (c == 0) c = ruleName.compareTo(o.ruleName);
        return c;
    }

    @Override
    public String toString() {
        return userId + "@" + activityStart + "/" + ruleName;
    }
}
