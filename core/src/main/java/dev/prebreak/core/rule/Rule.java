package dev.prebreak.core.rule;

import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.schedule.Activity;
import dev.prebreak.core.schedule.ActivityCategory;
import dev.prebreak.core.schedule.ActivityCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule with its presences resolved against the org: which activities it covers, how long before
 * them to act, and what to set.
 *
 * @param activityCodes activity code ids or names (names compare ignoring case)
 * @param atStartPresence presence to set when the activity starts, if the agent is still in {@code presence}
 * @param minimumActivityLength activities shorter than this are left alone (zero: no minimum)
 * @param adaptive when present, {@code lead} is the maximum lead and the agent's work decides the moment
 */
public record Rule(String name, Set<ActivityCategory> categories, Set<String> activityCodes, Duration lead,
                   PresenceDefinition presence, Set<RoutingStatus> eligibleRoutingStatuses,
                   Optional<PresenceDefinition> atStartPresence, boolean revertWhenCancelled,
                   Duration minimumActivityLength, Optional<AdaptiveLead> adaptive) {

    /** A rule with a fixed lead. */
    public Rule(String name, Set<ActivityCategory> categories, Set<String> activityCodes, Duration lead,
                PresenceDefinition presence, Set<RoutingStatus> eligibleRoutingStatuses,
                Optional<PresenceDefinition> atStartPresence, boolean revertWhenCancelled,
                Duration minimumActivityLength) {
        this(name, categories, activityCodes, lead, presence, eligibleRoutingStatuses, atStartPresence,
                revertWhenCancelled, minimumActivityLength, Optional.empty());
    }

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(presence, "presence");
        categories = Set.copyOf(categories);
        activityCodes = activityCodes.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
        eligibleRoutingStatuses = Set.copyOf(eligibleRoutingStatuses);
        atStartPresence = Objects.requireNonNullElse(atStartPresence, Optional.empty());
        minimumActivityLength = Objects.requireNonNullElse(minimumActivityLength, Duration.ZERO);
        adaptive = Objects.requireNonNullElse(adaptive, Optional.empty());
    }

    /**
     * Whether this rule covers an activity. Inactive codes never match; an activity whose code is
     * unknown (null) matches only a rule that names its id.
     */
    public boolean covers(Activity activity, ActivityCode code) {
        if (code != null && !code.active()) {
            return false;
        }
        if (activity.activityCodeId() != null && activityCodes.contains(activity.activityCodeId())) {
            return true;
        }
        if (code == null) {
            return false;
        }
        if (code.category() != null && categories.contains(code.category())) {
            return true;
        }
        String name = code.name().toLowerCase(Locale.ROOT);
        return !name.isEmpty() && activityCodes.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals(name));
    }

    /** When to act: the activity's start minus the lead. */
    public Instant triggerTime(Activity activity) {
        return activity.start().minus(lead);
    }

    public boolean isLongEnough(Activity activity) {
        return activity.length().compareTo(minimumActivityLength) >= 0;
    }
}
