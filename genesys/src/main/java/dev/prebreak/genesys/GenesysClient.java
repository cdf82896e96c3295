package dev.prebreak.genesys;

import dev.prebreak.core.config.Region;
import dev.prebreak.core.gateway.ApiUsage;
import dev.prebreak.core.gateway.BusinessUnit;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.gateway.ManagementUnit;
import dev.prebreak.core.gateway.PresenceChange;
import dev.prebreak.core.gateway.PresenceWriteOutcome;
import dev.prebreak.core.presence.AgentState;
import dev.prebreak.core.presence.PresenceDefinition;
import dev.prebreak.core.schedule.ActivityCode;
import dev.prebreak.core.schedule.AgentSchedule;
import dev.prebreak.genesys.auth.ClientCredentials;
import dev.prebreak.genesys.auth.TokenSource;
import dev.prebreak.genesys.http.RatePacer;
import dev.prebreak.genesys.http.RetryPolicy;
import dev.prebreak.genesys.http.Sleeper;
import dev.prebreak.genesys.http.GenesysTime;
import dev.prebreak.genesys.http.Transport;
import dev.prebreak.genesys.http.Usage;
import dev.prebreak.genesys.wire.ActivityCodeAnswer;
import dev.prebreak.genesys.wire.ActivityCodeListing;
import dev.prebreak.genesys.wire.BusinessUnitAnswer;
import dev.prebreak.genesys.wire.ManagementUnitAnswer;
import dev.prebreak.genesys.wire.ManagementUnitListing;
import dev.prebreak.genesys.wire.PresenceDefinitionAnswer;
import dev.prebreak.genesys.wire.PresenceDefinitionListing;
import dev.prebreak.genesys.wire.UserAnswer;
import dev.prebreak.genesys.wire.UserListing;
import dev.prebreak.genesys.wire.Wire;
import dev.prebreak.genesys.wire.WireException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The Genesys Cloud Platform API client behind {@link GenesysGateway}, on {@code java.net.http} and
 * Jackson. One instance holds the token, the rate pacing, the reference-data cache and the usage
 * counters; {@link #within(Instant)} gives views of it that share all of that but stop at a deadline.
 * Thread-safe.
 */
public final class GenesysClient implements GenesysGateway {
    private final Parts parts;
    private final Instant deadline;

    /** Everything the views of one client share. */
    private record Parts(PlatformApi api, Usage usage, GenesysTime genesysTime, ScheduleSearch schedules, AgentStates states,
                         AgentNames names, PresenceWrites writes, ReferenceCache<List<ActivityCode>> activityCodes,
                         ReferenceCache<List<PresenceDefinition>> presences, TokenSource tokens, RatePacer pacer,
                         Region region) {
    }

    private GenesysClient(Parts parts, Instant deadline) {
        this.parts = parts;
        this.deadline = deadline;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public GenesysGateway within(Instant deadline) {
        return new GenesysClient(parts, Objects.requireNonNull(deadline, "deadline"));
    }

    @Override
    public BusinessUnit businessUnit(String businessUnitId) {
        return parts.api().get("/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                + "?expand=settings.timeZone", deadline, body -> Wire.read(body, BusinessUnitAnswer.class).toCore());
    }

    @Override
    public ManagementUnit managementUnit(String managementUnitId) {
        return parts.api().get("/api/v2/workforcemanagement/managementunits/" + PlatformApi.segment(managementUnitId),
                deadline, body -> Wire.read(body, ManagementUnitAnswer.class).toCore());
    }

    @Override
    public List<ManagementUnit> managementUnits(String businessUnitId) {
        return parts.api().get("/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                + "/managementunits", deadline, body -> Wire.read(body, ManagementUnitListing.class).entities().stream()
                .map(mu -> mu.toCore(businessUnitId)).toList());
    }

    @Override
    public List<String> managementUnitUsers(String managementUnitId) {
        return parts.api().get("/api/v2/workforcemanagement/managementunits/" + PlatformApi.segment(managementUnitId)
                + "/users", deadline, body -> Wire.read(body, UserListing.class).entities().stream()
                .map(user -> WireException.required(user.id(), "entities[].id")).toList());
    }

    @Override
    public List<ActivityCode> activityCodes(String businessUnitId) {
        return parts.activityCodes().get(businessUnitId, () -> {
            String path = "/api/v2/workforcemanagement/businessunits/" + PlatformApi.segment(businessUnitId)
                    + "/activitycodes";
            ActivityCodeListing listing = parts.api().get(path, deadline, body -> {
                ActivityCodeListing parsed = Wire.read(body, ActivityCodeListing.class);
                parsed.entities().forEach(ActivityCodeAnswer::toCore);
                return parsed;
            });
            if (listing.downloadUrl() != null && !listing.downloadUrl().isBlank()) {
                listing = parts.api().download("activity codes of business unit " + businessUnitId,
                        listing.downloadUrl(), deadline, body -> {
                            ActivityCodeListing parsed = Wire.read(body, ActivityCodeListing.class);
                            parsed.entities().forEach(ActivityCodeAnswer::toCore);
                            return parsed;
                        });
            }
            return listing.entities().stream().map(ActivityCodeAnswer::toCore).toList();
        });
    }

    /**
     * The org's active presence definitions with every label in every language ({@code localeCode=ALL}),
     * so that a rule may name a presence in the admin's language. The listing has no paging ({@code total}
     * and {@code entities} only), so no paging parameters are sent.
     */
    @Override
    public List<PresenceDefinition> presenceDefinitions() {
        return parts.presences().get("org", () -> definitions(false));
    }

    /** The active, or with {@code deactivated} the deactivated, presence definitions; never cached. */
    List<PresenceDefinition> definitions(boolean deactivated) {
        String path = "/api/v2/presence/definitions?localeCode=ALL" + (deactivated ? "&deactivated=true" : "");
        return parts.api().get(path, deadline, body -> {
            PresenceDefinitionListing listing = Wire.read(body, PresenceDefinitionListing.class);
            Map<String, PresenceDefinition> byId = new LinkedHashMap<>();
            for (PresenceDefinitionAnswer entity : listing.entities()) {
                entity.toCore().ifPresent(definition -> byId.putIfAbsent(definition.id(), definition));
            }
            return List.copyOf(new ArrayList<>(byId.values()));
        });
    }

    @Override
    public List<AgentSchedule> schedules(String businessUnitId, Collection<String> userIds, Instant from, Instant to) {
        return parts.schedules().search(businessUnitId, userIds, from, to, deadline);
    }

    @Override
    public Map<String, AgentState> agentStates(Collection<String> userIds) {
        return parts.states().read(userIds, deadline);
    }

    @Override
    public Map<String, String> agentNames(Collection<String> userIds) {
        return parts.names().read(userIds, deadline);
    }

    @Override
    public List<PresenceWriteOutcome> setPresences(List<PresenceChange> changes) {
        return parts.writes().write(changes, deadline);
    }

    /** The calls {@code prebreak doctor} makes beyond a tick's, sharing this client's login and pacing. */
    public OrgProbe probe() {
        return new OrgProbe(this, parts.api(), parts.tokens(), parts.pacer(), parts.region());
    }

    @Override
    public ApiUsage usage() {
        return parts.usage().snapshot();
    }

    @Override
    public Optional<Duration> clockOffset() {
        return parts.genesysTime().offset();
    }

    @Override
    public String toString() {
        return "GenesysClient[deadline=" + (deadline.equals(Instant.MAX) ? "none" : deadline) + "]";
    }

    /** Builds a client. Region and credentials are required; everything else has a default fit for production. */
    public static final class Builder {
        private Region region;
        private String clientId;
        private Supplier<char[]> secret;
        private Clock clock = Clock.systemUTC();
        private Clock wallClock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.real();
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int rateBudgetPerMinute = 300;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private BatchSizes batchSizes = BatchSizes.defaults();
        private Duration cacheTtl = Duration.ofMinutes(5);
        private HttpClient httpClient;

        private Builder() {
        }

        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** A region name ({@code eu_central_1}) or a base URL. */
        public Builder region(String nameOrBaseUrl) {
            return region(Region.parse(nameOrBaseUrl));
        }

        /** The OAuth client; the secret is asked for at each login, so it may come from a secrets store. */
        public Builder credentials(String clientId, Supplier<char[]> secret) {
            this.clientId = clientId;
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Builder credentials(String clientId, String secret) {
            Objects.requireNonNull(secret, "secret");
            return credentials(clientId, secret::toCharArray);
        }

        /** Whose "now" decides token renewal, pacing, deadlines and cache expiry. Default: system UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The machine's own clock, compared with the Date of Genesys' answers to tell how far apart the two
         * are. Default: system UTC, also when {@link #clock} is a simulator's virtual clock.
         */
        public Builder wallClock(Clock wallClock) {
            this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
            return this;
        }

        /** How to wait; tests pass one that advances a virtual clock. Default: {@link Sleeper#real()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Longest wait for one HTTP answer. Default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** Longest wait to open a connection. Default 10 s; ignored with {@link #httpClient(HttpClient)}. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** API calls allowed per minute (Genesys' default per token is 300). */
        public Builder rateBudgetPerMinute(int callsPerMinute) {
            if (callsPerMinute < 1) {
                throw new IllegalArgumentException("rate budget must be at least 1: " + callsPerMinute);
            }
            this.rateBudgetPerMinute = callsPerMinute;
            return this;
        }

        /** Default: 6 attempts, 500 ms doubling up to 30 s, equal jitter. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Makes the backoff jitter repeatable. */
        public Builder jitterSeed(long seed) {
            this.retryPolicy = retryPolicy.withJitter(new Random(seed));
            return this;
        }

        /** Default: 50 state reads, 50 writes, up to 250 users per schedule search (learned down when Genesys goes asynchronous), split down to 5. */
        public Builder batchSizes(BatchSizes sizes) {
            this.batchSizes = Objects.requireNonNull(sizes, "sizes");
            return this;
        }

        /** How long activity codes and presence definitions are reused. Default 5 min; zero disables. */
        public Builder cacheTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl is negative: " + ttl);
            }
            this.cacheTtl = ttl;
            return this;
        }

        /** An HttpClient to use instead of the default one (a proxy, custom TLS). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        public GenesysClient build() {
            if (region == null) {
                throw new IllegalStateException("region is required");
            }
            if (secret == null) {
                throw new IllegalStateException("credentials are required");
            }
            ClientCredentials credentials = new ClientCredentials(clientId, secret);
            HttpClient http = httpClient != null ? httpClient : HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    // HTTP/2 over TLS to Genesys; plain HTTP/1.1 to a loopback simulator (no h2c upgrade dance).
                    .version("https".equalsIgnoreCase(region.apiBase().getScheme())
                            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            Usage usage = new Usage();
            GenesysTime genesysTime = new GenesysTime(wallClock);
            RatePacer pacer = new RatePacer(rateBudgetPerMinute);
            Transport transport = new Transport(http, clock, sleeper, retryPolicy, pacer,
                    usage, requestTimeout, genesysTime);
            TokenSource tokens = new TokenSource(transport, region.tokenUri(), credentials);
            PlatformApi api = new PlatformApi(transport, tokens, region.apiBase());
            AgentNames names = new AgentNames(api, clock);
            Parts parts = new Parts(api, usage, genesysTime,
                    new ScheduleSearch(api, names, batchSizes.scheduleUsers(), batchSizes.scheduleFloor()),
                    new AgentStates(api, batchSizes.stateRead(), names), names,
                    new PresenceWrites(api, batchSizes.presenceWrite()),
                    new ReferenceCache<>(clock, cacheTtl), new ReferenceCache<>(clock, cacheTtl), tokens, pacer, region);
            return new GenesysClient(parts, Instant.MAX);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
