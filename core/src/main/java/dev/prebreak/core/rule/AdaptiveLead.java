package dev.prebreak.core.rule;

import dev.prebreak.core.presence.RoutingStatus;
import dev.prebreak.core.presence.WorkInHand;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lead that follows the agent's work: within the rule's lead (the maximum), each tick prebreak sets
 * Pre-Break only once the work the agent holds, as Genesys shows it, is expected to last, plus the
 * margin, until the activity starts; an idle agent stays On Queue until the minimum lead.
 *
 * <p>The expected remaining work comes from the counts per media alone: {@code n} connected interactions
 * of a media take the mean handle time times the harmonic number H(n) (the mean of the longest of
 * {@code n} exponential handle times), plus the mean after-call work; interactions only in after-call
 * work take the mean after-call work. Across media the longest counts. Handle times are the org's
 * figures (configured), with defaults below for media the rule does not name. When the agent is
 * interacting but Genesys did not say with what, nothing is known, and the decision falls back to the
 * fixed (maximum) lead: Pre-Break now.
 *
 * @param minimumLead an agent in the window is set at this lead whatever their work
 * @param margin added to the expected remaining work: larger stops new work earlier
 * @param handleTimes mean handle time per media (call, callback, chat, message, email, ...)
 * @param afterCallWork mean after-call work per media
 */
public record AdaptiveLead(Duration minimumLead, Duration margin, Map<String, Duration> handleTimes,
                           Map<String, Duration> afterCallWork) {
    public static final Duration DEFAULT_MINIMUM_LEAD = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(1);
    /** Typical figures where the org gives none: a call or callback 6 min, a chat, message or email 10 min. */
    public static final Map<String, Duration> DEFAULT_HANDLE_TIMES = Map.of("call", Duration.ofMinutes(6),
            "callback", Duration.ofMinutes(6), "chat", Duration.ofMinutes(10), "message", Duration.ofMinutes(10),
            "email", Duration.ofMinutes(10));
    public static final Duration DEFAULT_HANDLE_TIME = Duration.ofMinutes(10);
    public static final Duration DEFAULT_AFTER_CALL_WORK = Duration.ofSeconds(30);

    public AdaptiveLead {
        Objects.requireNonNull(minimumLead, "minimumLead");
        Objects.requireNonNull(margin, "margin");
        handleTimes = Map.copyOf(handleTimes);
        afterCallWork = Map.copyOf(afterCallWork);
        if (minimumLead.isNegative() || margin.isNegative()) {
            throw new IllegalArgumentException("minimum lead and margin must not be negative");
        }
    }

    public static AdaptiveLead of(Duration minimumLead, Duration margin) {
        return new AdaptiveLead(minimumLead, margin, Map.of(), Map.of());
    }

    public AdaptiveLead withMargin(Duration newMargin) {
        return new AdaptiveLead(minimumLead, newMargin, handleTimes, afterCallWork);
    }

    /**
     * Whether to set Pre-Break now.
     *
     * @param maximumLead the rule's lead: never earlier than this before the start
     * @param untilStart time from now to the activity's start
     * @param routing the agent's routing status (null: unknown)
     * @param work what the agent holds (null: not read)
     */
    public boolean preBreakNow(Duration maximumLead, Duration untilStart, RoutingStatus routing, WorkInHand work) {
        if (untilStart.compareTo(maximumLead) > 0) {
            return false;
        }
        if (untilStart.compareTo(minimumLead) <= 0) {
            return true;
        }
        Optional<Duration> remaining = expectedRemaining(routing, work);
        return remaining.isEmpty() || remaining.get().plus(margin).compareTo(untilStart) >= 0;
    }

    /** The work the agent is expected still to have; empty when it cannot be told from what was read. */
    public Optional<Duration> expectedRemaining(RoutingStatus routing, WorkInHand work) {
        if (routing == RoutingStatus.IDLE && (work == null || work.isEmpty())) {
            return Optional.of(Duration.ZERO);
        }
        if (work == null || work.isEmpty()) {
            return routing == RoutingStatus.INTERACTING ? Optional.empty() : Optional.of(Duration.ZERO);
        }
        long longest = 0;
        for (Map.Entry<String, Integer> e : work.active().entrySet()) {
            int n = e.getValue();
            if (n > 0) {
                double handle = handleTime(e.getKey()).toMillis() * harmonic(n);
                longest = Math.max(longest, (long) handle + afterCallWork(e.getKey()).toMillis());
            }
        }
        for (Map.Entry<String, Integer> e : work.afterCallWork().entrySet()) {
            if (e.getValue() > 0) {
                longest = Math.max(longest, afterCallWork(e.getKey()).toMillis());
            }
        }
        return Optional.of(Duration.ofMillis(longest));
    }

    private Duration handleTime(String media) {
        return handleTimes.getOrDefault(media, DEFAULT_HANDLE_TIMES.getOrDefault(media, DEFAULT_HANDLE_TIME));
    }

    private Duration afterCallWork(String media) {
        return afterCallWork.getOrDefault(media, DEFAULT_AFTER_CALL_WORK);
    }

    private static double harmonic(int n) {
        double h = 0;
        for (int k = 1; k <= n; k++) {
            h += 1.0 / k;
        }
        return h;
    }
}
