package dev.prebreak.core.plan;

/** The three presence changes prebreak makes. */
public enum ActionKind {
    /** Lead time before the activity: set the rule's pre-break presence. */
    PRE_BREAK,
    /** The activity started and the agent is still in pre-break: set the rule's at-start presence. */
    AT_START,
    /** The activity moved later or vanished while the agent sat in pre-break: back On Queue. */
    REVERT
}
