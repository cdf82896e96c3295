package dev.prebreak.sim;

import dev.prebreak.sim.generate.OrgSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A small deterministic org at a fixed moment, shared by the HTTP tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private Fixtures() {
    }

    static OrgSpec smallOrg() {
        return new OrgSpec(120, 2, 2, List.of(ZoneId.of("Europe/London"), ZoneId.of("America/New_York")), 7, DAY);
    }

    static Simulator.Builder simulator() {
        return Simulator.builder().clock(SimClock.fixed(T0)).orgSpec(smallOrg());
    }
}
