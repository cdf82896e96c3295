package dev.prebreak.genesys;

/**
 * How many users go into one call.
 *
 * @param stateRead users per agent-state read (the users API takes up to 100 ids; 50 keeps URLs short)
 * @param presenceWrite users per bulk presence write (the maximum is undocumented; 50 is the safe choice)
 * @param scheduleUsers users per schedule search at most; a search that goes asynchronous makes the
 *        following ones smaller, and inline answers grow them back
 * @param scheduleFloor the smallest batch a search that went asynchronous is split down to
 */
public record BatchSizes(int stateRead, int presenceWrite, int scheduleUsers, int scheduleFloor) {
    public BatchSizes {
        if (stateRead < 1 || stateRead > 100) {
            throw new IllegalArgumentException("stateRead must be 1..100: " + stateRead);
        }
        if (presenceWrite < 1 || presenceWrite > 50) {
            throw new IllegalArgumentException("presenceWrite must be 1..50: " + presenceWrite);
        }
        if (scheduleFloor < 1 || scheduleUsers < scheduleFloor) {
            throw new IllegalArgumentException("need 1 <= scheduleFloor <= scheduleUsers: " + scheduleFloor + ", " + scheduleUsers);
        }
    }

    public static BatchSizes defaults() {
        return new BatchSizes(50, 50, 250, 5);
    }
}
