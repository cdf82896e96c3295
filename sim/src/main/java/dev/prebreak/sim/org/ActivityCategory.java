package dev.prebreak.sim.org;

/** WFM activity code categories, spelled as on the wire. */
public enum ActivityCategory {
    OnQueueWork, Break, Meal, Meeting, OffQueueWork, TimeOff, Training, Unavailable, Unscheduled
}
