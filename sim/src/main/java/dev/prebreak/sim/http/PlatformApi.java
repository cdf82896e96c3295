package dev.prebreak.sim.http;

import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.org.Org;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Wires every resource's routes into one {@link ApiServer}. */
public final class PlatformApi {
    private PlatformApi() {
    }

    public static ApiServer create(Org org, SimClock clock, ApiSettings settings, OAuthClients clients,
                                   Variations variations, Tokens tokens, RateLimiter rateLimiter, Faults faults,
                                   RequestStats stats, Supplier<URI> baseUrl) {
        return new ApiServer(routes(org, clock, settings, clients, variations, tokens, faults, stats, baseUrl), tokens,
                clients, rateLimiter, faults, stats);
    }

    /** Every route the simulator serves: the Platform API, the login, downloads and the control API. */
    public static List<Route> routes(Org org, SimClock clock, ApiSettings settings, OAuthClients clients,
                                     Variations variations, Tokens tokens, Faults faults, RequestStats stats,
                                     Supplier<URI> baseUrl) {
        Downloads downloads = new Downloads(clock, baseUrl, settings.downloadLifetime());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AuthResource(settings, clients, tokens).routes());
        routes.addAll(new WorkforceResource(org, variations).routes());
        routes.addAll(new ScheduleSearchResource(org, settings, variations, downloads).routes());
        routes.addAll(new PresenceResource(org, settings, variations).routes());
        routes.addAll(new UsersResource(org, settings, variations).routes());
        routes.addAll(downloads.routes());
        routes.addAll(new ControlApi(org, clock, faults, tokens, clients, variations, stats).routes());
        routes.addAll(new WorkControl(org).routes());
        return routes;
    }
}
