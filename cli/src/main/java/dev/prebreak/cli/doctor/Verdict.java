package dev.prebreak.cli.doctor;

/** How one check came out, and the mark an admin scans for. */
public enum Verdict {
    /** As prebreak needs it. */
    OK("✔"),
    /** Would stop a tick, or leave prebreak nothing to do: fix it before {@code plan}. */
    PROBLEM("✖"),
    /** Worth knowing; does not stop a tick. */
    NOTE("!");

    private final String mark;

    Verdict(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }
}
