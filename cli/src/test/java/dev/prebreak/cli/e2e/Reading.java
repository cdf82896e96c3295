package dev.prebreak.cli.e2e;

import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.http.Variations.Outsiders;
import dev.prebreak.sim.http.Variations.ShiftsReturned;

/**
 * A way Genesys may behave where it documents nothing, as the simulator plays it. The end-to-end suite
 * runs under each ({@link UnderEachReading}): prebreak must be right whichever is true.
 */
enum Reading {
    /**
     * A schedule search returns every shift overlapping its window; an agent not in the unit is left out
     * of the answer; searches answer inline up to the simulator's default async threshold (1,000 users).
     */
    OVERLAPPING(ShiftsReturned.OVERLAPPING_WINDOW, Outsiders.LEFT_OUT, 0),
    /**
     * A search returns only the shifts starting in its window; one naming an agent not in the unit is
     * refused whole with a 400; a search of more than five users goes asynchronous, so the client's split
     * path runs in every scenario with more than five agents.
     */
    STARTING(ShiftsReturned.STARTING_IN_WINDOW, Outsiders.BAD_REQUEST, 5);

    private final ShiftsReturned shifts;
    private final Outsiders outsiders;
    private final int asyncAbove;

    Reading(ShiftsReturned shifts, Outsiders outsiders, int asyncAbove) {
        this.shifts = shifts;
        this.outsiders = outsiders;
        this.asyncAbove = asyncAbove;
    }

    /** The simulator playing this reading; a scenario's own settings applied after it win. */
    Simulator.Builder apply(Simulator.Builder simulator) {
        Simulator.Builder b = simulator.shiftsReturned(shifts).outsiders(outsiders);
        return asyncAbove > 0 ? b.asyncThresholdUsers(asyncAbove) : b;
    }
}
