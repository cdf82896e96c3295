package dev.prebreak.core.plan;

/** Why prebreak left an agent alone this tick. */
public enum SkipReason {
    /** The agent's system presence is not On Queue. */
    NOT_ON_QUEUE,
    /** On Queue, but the routing status is not one the rule allows (say NOT_RESPONDING). */
    ROUTING_STATUS_NOT_ELIGIBLE,
    /** Already in the presence prebreak would set. */
    ALREADY_IN_TARGET,
    /** Presence or routing status could not be read; never guessed. */
    STATE_UNKNOWN,
    /** prebreak acted on this activity before; it never acts twice, even if the agent went back On Queue. */
    ALREADY_HANDLED,
    /** The agent left the pre-break presence on their own, so there is nothing to revert or follow up. */
    AGENT_MOVED_ON,
    /** The activity started before prebreak could act on it (missed ticks, or the agent was never eligible). */
    ACTIVITY_STARTED,
    /** The activity is shorter than the rule's minimum length. */
    TOO_SHORT,
    /** The rule says not to revert when an activity is moved or cancelled. */
    REVERT_DISABLED,
    /** Another change for the same agent goes first this tick; this one waits for the next tick. */
    ANOTHER_CHANGE_FIRST,
    /** The per-tick cap on changes was reached; this one waits for the next tick. */
    OVER_CAP,
    /**
     * An adaptive lead: the work the agent holds is expected to end, with the margin, before the activity
     * starts, so they stay On Queue; asked again next tick.
     */
    WORK_ENDS_IN_TIME
}
