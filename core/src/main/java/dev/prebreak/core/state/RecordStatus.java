package dev.prebreak.core.state;

/** Where prebreak stands with one activity it has acted on. */
public enum RecordStatus {
    /** A tick has claimed the activity and is writing the pre-break presence now; no other tick may act on it. */
    CLAIMED,
    /** A tick is writing the at-start presence now. */
    CLAIMED_AT_START,
    /** A tick is putting the agent back On Queue now. */
    CLAIMED_REVERT,
    /** prebreak set the agent to the pre-break presence and still answers for them (revert, at-start). */
    IN_PRE_BREAK,
    /** The activity moved or vanished and prebreak put the agent back On Queue. */
    REVERTED,
    /** The activity started and prebreak set the rule's at-start presence. */
    AT_START,
    /** Nothing more to do: the activity started, the agent moved on by hand, or the activity moved elsewhere. */
    CLOSED;

    /** Whether a tick is (or was, if it never finished) writing a presence for this activity. */
    public boolean isClaim() {
        return this == CLAIMED || this == CLAIMED_AT_START || this == CLAIMED_REVERT;
    }

    /** Whether prebreak still owes this agent something (a revert or an at-start change). */
    public boolean isOpen() {
        return this == IN_PRE_BREAK;
    }
}
