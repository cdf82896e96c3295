package dev.prebreak.core.config;

import dev.prebreak.core.presence.PresenceCatalog;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.SystemPresence;
import dev.prebreak.core.rule.AdaptiveLead;
import dev.prebreak.core.rule.Rule;
import dev.prebreak.core.schedule.ActivityCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A rule as configured, with presences named as users name them. {@link #resolve} turns it into a
 * {@link Rule} against the org's presence definitions.
 */
public record RuleSettings(String name, Set<ActivityCategory> categories, Set<String> activityCodes, Duration lead,
                           String presence, Set<RoutingStatus> eligibleRoutingStatuses,
                           Optional<String> atStartPresence, boolean revertWhenCancelled,
                           Duration minimumActivityLength, Optional<AdaptiveLead> adaptive) {

    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(15);
    public static final Set<RoutingStatus> DEFAULT_ELIGIBLE = Set.of(RoutingStatus.IDLE, RoutingStatus.INTERACTING);

    public RuleSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(presence, "presence");
        categories = Set.copyOf(categories);
        activityCodes = Set.copyOf(activityCodes);
        lead = Objects.requireNonNullElse(lead, DEFAULT_LEAD);
        eligibleRoutingStatuses = Set.copyOf(eligibleRoutingStatuses);
        atStartPresence = Objects.requireNonNullElse(atStartPresence, Optional.empty());
        minimumActivityLength = Objects.requireNonNullElse(minimumActivityLength, Duration.ZERO);
        adaptive = Objects.requireNonNullElse(adaptive, Optional.empty());
    }

    /** A rule with a fixed lead. */
    public RuleSettings(String name, Set<ActivityCategory> categories, Set<String> activityCodes, Duration lead,
                        String presence, Set<RoutingStatus> eligibleRoutingStatuses, Optional<String> atStartPresence,
                        boolean revertWhenCancelled, Duration minimumActivityLength) {
        this(name, categories, activityCodes, lead, presence, eligibleRoutingStatuses, atStartPresence,
                revertWhenCancelled, minimumActivityLength, Optional.empty());
    }

    /**
     * Resolves presence names or ids against the org.
     *
     * @param index the rule's position in the configuration, for messages such as {@code rules[1].presence}
     * @throws InvalidConfigException naming every presence that does not resolve, with what exists
     */
    public Rule resolve(PresenceCatalog presences, int index) {
        List<ConfigProblem> problems = new ArrayList<>();
        String prefix = "rules[" + index + "].";
        PresenceDefinition target = find(presences, presence, prefix + "presence", problems);
        if (target != null && target.systemPresence() == SystemPresence.ON_QUEUE) {
            problems.add(new ConfigProblem(prefix + "presence",
                    "'" + presence + "' is an On Queue presence; the pre-break presence must take agents off queue"));
        }
        Optional<PresenceDefinition> atStart = atStartPresence.map(p -> find(presences, p, prefix + "atStartPresence", problems));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Rule(name, categories, activityCodes, lead, target, eligibleRoutingStatuses, atStart,
                revertWhenCancelled, minimumActivityLength, adaptive);
    }

    private static PresenceDefinition find(PresenceCatalog presences, String wanted, String key, List<ConfigProblem> problems) {
        Optional<PresenceDefinition> found = presences.resolve(wanted);
        if (found.isEmpty()) {
            problems.add(new ConfigProblem(key, "no active presence named or with id '" + wanted + "' in the org; active presences: "
                    + String.join(", ", presences.activeLabels())));
        }
        return found.orElse(null);
    }
}
