package dev.prebreak.genesys.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.genesys.GenesysClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {
    private static final String TOKEN = "POST /oauth/token";
    private static final String BU = "GET /api/v2/workforcemanagement/businessunits/{businessUnitId}";

    private final List<String> logLines = new ArrayList<>();
    private final Logger genesysLogger = Logger.getLogger("dev.prebreak.genesys");
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = genesysLogger.getLevel();
        genesysLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        genesysLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        genesysLogger.removeHandler(capture);
        genesysLogger.setLevel(previousLevel);
    }

    @Test
    void talksToTheBaseUrlAndReusesOneTokenAcrossCalls() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            client.presenceDefinitions();
            client.within(h.sim.clock().instant().plusSeconds(60)).activityCodes(h.businessUnitId());

            assertThat(h.calls(TOKEN)).isEqualTo(1);
            assertThat(client.usage().calls()).isEqualTo(4);
        }
    }

    @Test
    void renewsTheTokenBeforeItExpires() {
        try (SimHarness h = SimHarness.start(b -> b.tokenLifetime(Duration.ofMinutes(10)))) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            h.sim.clock().advance(Duration.ofMinutes(8));
            client.businessUnit(h.businessUnitId());
            assertThat(h.calls(TOKEN)).isEqualTo(1);

            // Inside the renewal margin (a tenth of the life) but before expiry: a new token, no 401 first.
            h.sim.clock().advance(Duration.ofSeconds(65));
            client.businessUnit(h.businessUnitId());
            assertThat(h.calls(TOKEN)).isEqualTo(2);
            assertThat(h.sim.requestStats().countStatus(401)).isZero();
        }
    }

    @Test
    void logsInAgainOnceWhenTheTokenIsRevoked() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            h.sim.revokeTokens();

            assertThat(client.businessUnit(h.businessUnitId()).id()).isEqualTo(h.businessUnitId());
            assertThat(h.calls(TOKEN)).isEqualTo(2);
            assertThat(h.sim.requestStats().count(BU, 401)).isEqualTo(1);
            assertThat(h.sim.requestStats().count(BU, 200)).isEqualTo(2);
        }
    }

    @Test
    void badCredentialsFailFastWithAClearMessageAndNoSecret() {
        String secret = "s3cr3t-Value-That-Must-Not-Leak";
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.clientBuilder().credentials(h.sim.clientId(), secret).build();

            assertThatThrownBy(() -> client.businessUnit(h.businessUnitId()))
                    .isInstanceOf(GatewayException.class)
                    .hasMessageContaining("Genesys login refused the client credentials for client id 'prebreak…'")
                    .hasMessageContaining("401 invalid_client")
                    .hasMessageContaining("check genesys.clientId / the secret")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
            assertThat(h.calls(TOKEN)).isEqualTo(1);
            assertThat(h.calls(BU)).isZero();
            assertThat(client.usage().retries()).isZero();
            assertThat(logLines).noneMatch(line -> line.contains(secret));
            assertThat(client.toString()).doesNotContain(secret);
        }
    }

    @Test
    void logsNeverShowTheTokenOrSecret() {
        try (SimHarness h = SimHarness.start()) {
            GenesysClient client = h.client();
            client.businessUnit(h.businessUnitId());
            h.sim.revokeTokens();
            client.businessUnit(h.businessUnitId());

            assertThat(logLines).isNotEmpty();
            assertThat(logLines).noneMatch(line -> line.contains(h.sim.clientSecret()) || line.contains("Bearer ")
                    || line.contains("Basic "));
        }
    }
}
