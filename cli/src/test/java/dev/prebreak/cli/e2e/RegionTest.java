package dev.prebreak.cli.e2e;

import static dev.prebreak.cli.e2e.SimulatedOrg.breakAt;
import static dev.prebreak.cli.e2e.SimulatedOrg.shift;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prebreak.core.config.Region;
import dev.prebreak.core.tick.TickReport;
import org.junit.jupiter.api.Test;

/** Where Genesys is: a region by name or any base URL, with the login host derived as Genesys does. */
class RegionTest extends UnderEachReading {

    @Test
    void aBaseUrlWithAHostNameAndATrailingSlashReachesTheOrgAndItsLogin() {
        try (SimulatedOrg org = SimulatedOrg.builder()
                .idleOnQueue("agent-ada", shift("08:00", 480, breakAt("10:00")))
                .region("http://localhost:{port}/")
                .startAt("09:45")) {
            TickReport report = org.tickAt("09:45");

            assertThat(report.failed()).isFalse();
            assertThat(org.agentsSetToPreBreak()).containsExactly("agent-ada");
            // A loopback base URL logs in on the same host, as the simulator expects.
            assertThat(org.sim.requestStats().count("POST /oauth/token", 200)).isEqualTo(1);
        }
    }

    @Test
    void regionNamesAndApiHostsLogInOnTheMatchingLoginHost() {
        assertThat(Region.parse("eu-central-1").tokenUri()).hasToString("https://login.mypurecloud.de/oauth/token");
        assertThat(Region.parse("ap_southeast_2").apiBase()).hasToString("https://api.mypurecloud.com.au");
        assertThat(Region.parse("https://api.usw2.pure.cloud/").tokenUri()).hasToString("https://login.usw2.pure.cloud/oauth/token");
    }
}
