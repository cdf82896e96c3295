package dev.prebreak.cli.report;

import dev.prebreak.core.plan.Skip;
import dev.prebreak.core.plan.SkipReason;

/**
 * Skips as what happened to the agent, for people: the reason code stays beside it for scripts and
 * searches, but the sentence says why in the user's terms.
 */
public final class SkipText {
    private SkipText() {
    }

    /** One sentence about one skip. */
    public static String of(Skip skip) {
        String detail = skip.detail();
        switch (skip.reason()) {
            case NOT_ON_QUEUE:
                return "not On Queue" + after(detail, "presence ");
            case ROUTING_STATUS_NOT_ELIGIBLE:
                return "On Queue, but " + (detail.isEmpty() ? "the routing status" : detail) + " is not one the rule allows";
            case ALREADY_IN_TARGET:
                return "already in the presence prebreak would set";
            case STATE_UNKNOWN:
                return "presence could not be read (" + detail + "); left alone rather than guessed";
            case ALREADY_HANDLED:
                return handled(detail);
            case AGENT_MOVED_ON:
                return "left Pre-Break on their own after prebreak set it; nothing to undo";
            case ACTIVITY_STARTED:
                return "the activity started before prebreak could act (the agent was not eligible in time)";
            case TOO_SHORT:
                return "too short for the rule (" + detail + ")";
            case REVERT_DISABLED:
                return "the break was moved or removed, and the rule says not to put the agent back On Queue";
            case ANOTHER_CHANGE_FIRST:
                return "another change for this agent goes first (" + detail + "); this one follows next tick";
            case OVER_CAP:
                return "over maxChangesPerTick; follows next tick";
            default:
                return detail;
        }
    }

    /** What a count of skips for {@code reason} means, in a few words: "3 not On Queue". */
    public static String counted(SkipReason reason) {
        switch (reason) {
            case NOT_ON_QUEUE: return "not On Queue";
            case ROUTING_STATUS_NOT_ELIGIBLE: return "On Queue but not idle or interacting as the rule asks";
            case ALREADY_IN_TARGET: return "already in Pre-Break (or the presence the rule sets)";
            case STATE_UNKNOWN: return "presence unreadable, left alone";
            case ALREADY_HANDLED: return "acted on earlier; prebreak acts once per break and never fights a hand change";
            case AGENT_MOVED_ON: return "left Pre-Break on their own; nothing to undo";
            case ACTIVITY_STARTED: return "break started before the agent was eligible";
            case TOO_SHORT: return "activity shorter than the rule's minimum";
            case REVERT_DISABLED: return "break moved or removed, rule says no revert";
            case ANOTHER_CHANGE_FIRST: return "wait a tick behind another change for the same agent";
            case OVER_CAP: return "over maxChangesPerTick, next tick";
            default: return reason.name();
        }
    }

    private static String handled(String detail) {
        if (detail.contains("IN_PRE_BREAK")) {
            return "set to Pre-Break earlier by prebreak; never set twice for one break, so if they went back On Queue"
                    + " by hand, they stay there";
        }
        if (detail.contains("CLAIM")) {
            return "a change for this break is under way, or its outcome is being settled";
        }
        if (detail.contains("REVERTED")) {
            return "put back On Queue earlier when the break moved; not set again for it";
        }
        return "handled earlier (went back On Queue by hand after Pre-Break, or the break moved); not acted on again";
    }

    private static String after(String detail, String prefix) {
        return detail.startsWith(prefix) ? " (" + detail.substring(prefix.length()) + ")" : detail.isEmpty() ? "" : " (" + detail + ")";
    }
}
