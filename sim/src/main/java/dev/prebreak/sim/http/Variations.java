package dev.prebreak.sim.http;

import dev.prebreak.sim.org.Org;

/**
 * The simulator's answers where Genesys is undocumented or may change: each a switch, so a client can be
 * tested under every reading. The defaults keep the answers every existing test was written against;
 * switch them with the builder, {@link dev.prebreak.sim.Simulator#variations()} or {@code PUT /_sim/variations}.
 */
public final class Variations {

    /** Which shifts a schedule search returns for its {@code startDate}/{@code endDate} window (undocumented). */
    public enum ShiftsReturned {
        /** Every shift that overlaps the window, however long before it the shift began (the default). */
        OVERLAPPING_WINDOW,
        /** Only shifts that start inside the window. */
        STARTING_IN_WINDOW
    }

    /** What a schedule search answers when {@code userIds} names someone outside the unit (undocumented). */
    public enum Outsiders {
        /** They are left out of the answer; the others' schedules come back (the default). */
        LEFT_OUT,
        /** 400 {@code bad.request} naming them, and no schedules for anyone. */
        BAD_REQUEST
    }

    private final Org org;
    private volatile ShiftsReturned shiftsReturned = ShiftsReturned.OVERLAPPING_WINDOW;
    private volatile Outsiders outsiders = Outsiders.LEFT_OUT;
    private volatile boolean unknownEnums;

    public Variations(Org org) {
        this.org = org;
    }

    public ShiftsReturned shiftsReturned() {
        return shiftsReturned;
    }

    public Variations shiftsReturned(ShiftsReturned reading) {
        this.shiftsReturned = java.util.Objects.requireNonNull(reading);
        return this;
    }

    public Outsiders outsiders() {
        return outsiders;
    }

    public Variations outsiders(Outsiders answer) {
        this.outsiders = java.util.Objects.requireNonNull(answer);
        return this;
    }

    /** Whether answers carry enum values newer than any client (see {@link UnknownEnums}). */
    public boolean unknownEnums() {
        return unknownEnums;
    }

    public Variations unknownEnums(boolean on) {
        this.unknownEnums = on;
        return this;
    }

    /** Share of agents (0..1) who read NOT_RESPONDING while On Queue and idle; default 0. */
    public double notRespondingShare() {
        return org.notRespondingShare();
    }

    /** Share of agents (0..1) who read COMMUNICATING while On Queue and idle; default 0. */
    public double communicatingShare() {
        return org.communicatingShare();
    }

    public Variations routingShares(double notResponding, double communicating) {
        org.setRoutingShares(notResponding, communicating);
        return this;
    }
}
