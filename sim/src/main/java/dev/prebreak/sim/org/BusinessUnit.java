package dev.prebreak.sim.org;

import java.time.DayOfWeek;
import java.time.ZoneId;

public record BusinessUnit(String id, String name, ZoneId timeZone, DayOfWeek startDayOfWeek, String divisionId) {
}
