package dev.prebreak.sim;

import com.sun.net.httpserver.HttpServer;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.http.ApiSettings;
import dev.prebreak.sim.http.Faults;
import dev.prebreak.sim.http.OAuthClient;
import dev.prebreak.sim.http.OAuthClients;
import dev.prebreak.sim.http.PlatformApi;
import dev.prebreak.sim.http.RateLimiter;
import dev.prebreak.sim.http.RequestStats;
import dev.prebreak.sim.http.RequiredPermissions;
import dev.prebreak.sim.http.Tokens;
import dev.prebreak.sim.http.Variations;
import dev.prebreak.sim.org.Org;
import dev.prebreak.sim.org.PresenceLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The embeddable Genesys Cloud simulator: an HTTP server on loopback speaking the Platform API paths
 * prebreak uses, over an in-memory {@link Org} driven by a {@link SimClock}.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().clock(SimClock.fixed(t0)).agents(200).build().start()) {
 *     URI base = sim.baseUrl();   // http://127.0.0.1:PORT
 *     ...
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle on, each small response waits
        // ~40 ms for a delayed ACK. Read once when the server classes load, so set it before any server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimClock clock;
    private final Org org;
    private final ApiSettings settings;
    private final OAuthClients clients;
    private final Variations variations;
    private final Tokens tokens;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RequestStats stats = new RequestStats();
    private final String bindAddress;
    private final int requestedPort;
    private final int threads;
    private HttpServer server;
    private ThreadPoolExecutor executor;
    private volatile URI baseUrl;

    private Simulator(Builder b) {
        this.clock = b.clock != null ? b.clock : SimClock.real();
        this.org = b.org != null ? b.org.apply(clock) : OrgGenerator.generate(b.spec != null ? b.spec
                : OrgSpec.of(b.agents, b.seed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)), clock);
        this.settings = new ApiSettings(b.clientId, b.clientSecret, b.tokenLifetime, b.rateLimitPerMinute,
                b.bulkPresenceMax, b.asyncThresholdUsers, b.downloadThresholdUsers, b.downloadThresholdBytes,
                b.downloadLifetime, b.maxSearchWindow, 500);
        List<OAuthClient> all = new ArrayList<>();
        all.add(new OAuthClient(b.clientId, b.clientSecret, b.permissions));
        all.addAll(b.extraClients);
        this.clients = new OAuthClients(all);
        this.variations = new Variations(org).shiftsReturned(b.shiftsReturned).outsiders(b.outsiders)
                .unknownEnums(b.unknownEnums).routingShares(b.notRespondingShare, b.communicatingShare);
        this.tokens = new Tokens(clock);
        this.rateLimiter = new RateLimiter(clock, b.rateLimitPerMinute);
        this.faults = new Faults(b.faultSeed);
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns this for chaining. */
    public synchronized Simulator start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + bindAddress + ":" + requestedPort, e);
        }
        int port = server.getAddress().getPort();
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        if (bindAddress.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        baseUrl = URI.create("http://" + host + ":" + port);
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "sim-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", PlatformApi.create(org, clock, settings, clients, variations, tokens, rateLimiter,
                faults, stats, () -> baseUrl));
        server.start();
        return this;
    }

    /** {@code http://HOST:PORT}, without a trailing slash. The OAuth token URL is {@code baseUrl()/oauth/token}. */
    public URI baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("simulator not started");
        }
        return baseUrl;
    }

    public Org org() {
        return org;
    }

    public SimClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public PresenceLog presenceLog() {
        return org.presenceLog();
    }

    public RequestStats requestStats() {
        return stats;
    }

    public ApiSettings settings() {
        return settings;
    }

    /** The OAuth clients and their roles; change a role at run time with {@code oauthClients().setPermissions}. */
    public OAuthClients oauthClients() {
        return clients;
    }

    /** The switches for behaviours Genesys leaves undocumented; changeable at run time. */
    public Variations variations() {
        return variations;
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    /** Invalidates every issued token now. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Changes the per-token budget at run time; 0 or less turns rate limiting off. */
    public void setRateLimitPerMinute(int perMinute) {
        rateLimiter.setPerMinute(perMinute);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Settings of a simulator; all optional. */
    public static final class Builder {
        private SimClock clock;
        private Function<SimClock, Org> org;
        private OrgSpec spec;
        private int agents = 100;
        private long seed = 42;
        private String bindAddress = "127.0.0.1";
        private int port;
        private int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private String clientId = ApiSettings.defaults().clientId();
        private String clientSecret = ApiSettings.defaults().clientSecret();
        private Duration tokenLifetime = ApiSettings.defaults().tokenLifetime();
        private int rateLimitPerMinute = ApiSettings.defaults().rateLimitPerMinute();
        private int bulkPresenceMax = ApiSettings.defaults().bulkPresenceMax();
        private int asyncThresholdUsers = ApiSettings.defaults().asyncThresholdUsers();
        private int downloadThresholdUsers = ApiSettings.defaults().downloadThresholdUsers();
        private long downloadThresholdBytes = ApiSettings.defaults().downloadThresholdBytes();
        private Duration downloadLifetime = ApiSettings.defaults().downloadLifetime();
        private Duration maxSearchWindow = ApiSettings.defaults().maxSearchWindow();
        private long faultSeed = 1;
        private Set<String> permissions = RequiredPermissions.PREBREAK_ROLE;
        private final List<OAuthClient> extraClients = new ArrayList<>();
        private Variations.ShiftsReturned shiftsReturned = Variations.ShiftsReturned.OVERLAPPING_WINDOW;
        private Variations.Outsiders outsiders = Variations.Outsiders.LEFT_OUT;
        private double notRespondingShare;
        private double communicatingShare;
        private boolean unknownEnums;

        private Builder() {
        }

        public Builder clock(SimClock clock) {
            this.clock = clock;
            return this;
        }

        /** Generates the org from this spec (default: {@code OrgSpec.of(agents, seed, today)}). */
        public Builder orgSpec(OrgSpec spec) {
            this.spec = spec;
            return this;
        }

        /** Uses a hand-built org; the function receives the simulator's clock. */
        public Builder org(Function<SimClock, Org> org) {
            this.org = org;
            return this;
        }

        public Builder agents(int agents) {
            this.agents = agents;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder credentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** Requests per token per minute (default 300); 0 or less disables rate limiting. */
        public Builder rateLimitPerMinute(int perMinute) {
            this.rateLimitPerMinute = perMinute;
            return this;
        }

        public Builder bulkPresenceMax(int max) {
            this.bulkPresenceMax = max;
            return this;
        }

        public Builder asyncThresholdUsers(int users) {
            this.asyncThresholdUsers = users;
            return this;
        }

        public Builder downloadThresholdUsers(int users) {
            this.downloadThresholdUsers = users;
            return this;
        }

        public Builder downloadThresholdBytes(long bytes) {
            this.downloadThresholdBytes = bytes;
            return this;
        }

        public Builder downloadLifetime(Duration lifetime) {
            this.downloadLifetime = lifetime;
            return this;
        }

        public Builder maxSearchWindow(Duration window) {
            this.maxSearchWindow = window;
            return this;
        }

        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /**
         * The role of the default client ({@link #credentials}); by default exactly the permissions the README
         * asks an admin to grant ({@link RequiredPermissions#PREBREAK_ROLE}).
         */
        public Builder permissions(Collection<String> permissions) {
            this.permissions = Set.copyOf(permissions);
            return this;
        }

        /** Another OAuth client the org accepts, with its own role. */
        public Builder oauthClient(String id, String secret, Collection<String> permissions) {
            extraClients.add(new OAuthClient(id, secret, Set.copyOf(permissions)));
            return this;
        }

        /** Which shifts a schedule search returns (default: those overlapping the window). */
        public Builder shiftsReturned(Variations.ShiftsReturned reading) {
            this.shiftsReturned = reading;
            return this;
        }

        /** What a schedule search naming someone outside the unit answers (default: they are left out). */
        public Builder outsiders(Variations.Outsiders answer) {
            this.outsiders = answer;
            return this;
        }

        /** Shares of agents reading NOT_RESPONDING and COMMUNICATING instead of IDLE (default 0 and 0). */
        public Builder routingShares(double notResponding, double communicating) {
            this.notRespondingShare = notResponding;
            this.communicatingShare = communicating;
            return this;
        }

        /** Emit enum values newer than any client knows (default off); see {@code UnknownEnums}. */
        public Builder unknownEnums(boolean on) {
            this.unknownEnums = on;
            return this;
        }

        public Simulator build() {
            return new Simulator(this);
        }
    }
}
