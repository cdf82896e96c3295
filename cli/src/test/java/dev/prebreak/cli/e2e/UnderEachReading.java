package dev.prebreak.cli.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of an end-to-end class once under each {@link Reading} of what Genesys leaves
 * undocumented. The reading reaches the scenarios through {@link SimulatedOrg#readAs}: the tests build
 * their orgs in static helpers, and JUnit runs these tests one at a time (no parallel execution is
 * configured), so one current reading at a time is enough.
 */
@ParameterizedClass(name = "Genesys read as {0}")
@EnumSource(Reading.class)
abstract class UnderEachReading {
    @Parameter
    Reading reading;

    @BeforeEach
    void readAsThisInvocation() {
        SimulatedOrg.readAs(reading);
    }

    /** Tests that run under one reading only get the default one, whatever ran before them. */
    @AfterEach
    void readAsDefault() {
        SimulatedOrg.readAs(Reading.OVERLAPPING);
    }
}
