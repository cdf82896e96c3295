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

    public static ApiServer create(Org org, SimClock clock, ApiSettings settings, Tokens tokens, RateLimiter rateLimiter,
                                   Faults faults, RequestStats stats, Supplier<URI> baseUrl) {
        Downloads downloads = new Downloads(clock, baseUrl, settings.downloadLifetime());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AuthResource(settings, tokens).routes());
        routes.addAll(new WorkforceResource(org).routes());
        routes.addAll(new ScheduleSearchResource(org, settings, downloads).routes());
        routes.addAll(new PresenceResource(org, settings).routes());
        routes.addAll(new UsersResource(org, settings).routes());
        routes.addAll(downloads.routes());
        routes.addAll(new ControlApi(org, clock, faults, tokens, stats).routes());
        return new ApiServer(routes, tokens, rateLimiter, faults, stats);
    }
}
