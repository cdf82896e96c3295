package dev.prebreak.sim.generate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What org to generate. Schedules are published for {@code day} and the days either side (so overnight
 * shifts from the day before and tomorrow's early shifts are there too). Same spec, same org.
 */
public record OrgSpec(int agents, int businessUnits, int managementUnitsPerBusinessUnit, List<ZoneId> timeZones,
                      long seed, LocalDate day) {

    public static final List<ZoneId> DEFAULT_ZONES = List.of(ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Australia/Sydney"));

    public OrgSpec {
        if (agents < 0 || businessUnits < 1 || managementUnitsPerBusinessUnit < 1) {
            throw new IllegalArgumentException("need agents >= 0, at least one business unit and one management unit");
        }
        if (timeZones == null || timeZones.isEmpty()) {
            throw new IllegalArgumentException("need at least one time zone");
        }
        timeZones = List.copyOf(timeZones);
    }

    /** A sensible org for {@code agents} agents: one BU per ~2,500 agents (1..4), MUs of ~250. */
    public static OrgSpec of(int agents, long seed, LocalDate day) {
        int bus = Math.max(1, Math.min(4, (agents + 2499) / 2500));
        int mus = Math.max(1, Math.min(20, agents / bus / 250));
        return new OrgSpec(agents, bus, mus, DEFAULT_ZONES, seed, day);
    }

    public OrgSpec withBusinessUnits(int count, int managementUnitsPerBu) {
        return new OrgSpec(agents, count, managementUnitsPerBu, timeZones, seed, day);
    }

    public OrgSpec withTimeZones(List<ZoneId> zones) {
        return new OrgSpec(agents, businessUnits, managementUnitsPerBusinessUnit, zones, seed, day);
    }
}
