package dev.prebreak.aws.tick;

import dev.prebreak.core.config.Region;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.genesys.GenesysClient;
import java.time.Clock;
import java.util.function.Supplier;

/** Builds the Genesys client for an OAuth client id; the secret is asked for at each login. */
@FunctionalInterface
public interface GatewayFactory {
    GenesysGateway connect(Region region, String clientId, Supplier<char[]> secret);

    /** The production client: real time, real waits. It does not log in until the first call. */
    static GatewayFactory genesys(Clock clock) {
        return (region, clientId, secret) -> GenesysClient.builder().region(region).credentials(clientId, secret).clock(clock).build();
    }
}
