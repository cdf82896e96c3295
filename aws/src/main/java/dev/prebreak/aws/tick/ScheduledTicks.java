package dev.prebreak.aws.tick;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import dev.prebreak.aws.metrics.TickMetrics;
import dev.prebreak.aws.secrets.CredentialsSecret;
import dev.prebreak.aws.secrets.GenesysCredentials;
import dev.prebreak.core.audit.AuditLog;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigProblem;
import dev.prebreak.core.config.InvalidConfigException;
import dev.prebreak.core.config.Scope;
import dev.prebreak.core.gateway.GatewayException;
import dev.prebreak.core.gateway.GenesysGateway;
import dev.prebreak.core.state.StateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticks of one Lambda container: everything here lives as long as the container, so a warm
 * invocation reuses the Genesys token, the rate pacing and each engine's schedule and reference
 * caches. One engine per scope, because one function serves several schedules (one per business
 * unit) and each engine caches only its own units.
 *
 * <p>A tick that fails throws; a tick whose per-agent writes partly failed returns (those failures
 * are metrics and audit records, and the next tick tries again).
 */
public final class ScheduledTicks {
    /** Kept back from the invocation's remaining time for writing records, metrics and the answer. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledTicks.class);

    private final Config config;
    private final StateStore store;
    private final AuditLog audit;
    private final Runnable afterTick;
    private final CredentialsSecret secret;
    private final GatewayFactory gateways;
    private final Clock clock;
    private final TickMetrics metrics;

    private final AtomicBoolean loggedIn = new AtomicBoolean();
    private final Map<List<String>, Engine> engines = new HashMap<>();
    private GenesysGateway gateway;
    /** The credentials the gateway logs in with: one client id and its secret, never mixed across a rotation. */
    private GenesysCredentials connectedWith;

    /**
     * @param afterTick called after every tick, failed or not (writes the buffered audit records)
     */
    public ScheduledTicks(Config config, StateStore store, AuditLog audit, Runnable afterTick, CredentialsSecret secret,
                          GatewayFactory gateways, Clock clock, TickMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.afterTick = Objects.requireNonNull(afterTick, "afterTick");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.gateways = Objects.requireNonNull(gateways, "gateways");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * One tick for what {@code request} asks, finishing its Genesys calls before {@code remaining}
     * (the invocation's time left) runs out, less a margin.
     *
     * @throws TickFailedException when a business unit could not be ticked
     * @throws InvalidConfigException when the configuration or the request does not fit the org
     * @throws GatewayException when Genesys could not be read at all (login, presences, scope)
     */
    public synchronized TickSummary run(TickRequest request, Duration remaining) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Duration budget = remaining.minus(SAFETY_MARGIN);
        if (budget.compareTo(config.tick()) > 0) {
            budget = config.tick(); // never run into the next tick's minute
        }
        Instant deadline = budget.isNegative() ? now : now.plus(budget);
        TickReport report = null;
        // Until the request's units are checked against the configuration, a failure counts for all of them:
        // an unchecked id as a metric dimension would let any input make a new metric series.
        String unitDimension = TickMetrics.ALL_UNITS;
        try {
            List<String> units = unitsFor(request);
            unitDimension = TickMetrics.unitDimension(units.isEmpty() ? config.scope().businessUnits() : units);
            report = tick(units, now, deadline);
            if (report.failed()) {
                throw new TickFailedException(report.failures());
            }
            TickSummary summary = TickSummary.of(report);
            LOG.info("tick done", entry("tick", summary));
            return summary;
        } catch (RuntimeException e) {
            LOG.error("tick failed: {}", e.getMessage());
            throw e;
        } finally {
            afterTick.run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (report == null) {
                metrics.publishFailure(unitDimension, took);
            } else {
                metrics.publish(unitDimension, report, report.failed(), took);
            }
        }
    }

    /**
     * Ticks, and if Genesys refused us after a login, reads the secret again: when it was rotated since
     * it was cached, ticks once more with the new one. Records already written make the second tick
     * skip whatever the first one did.
     */
    private TickReport tick(List<String> units, Instant now, Instant deadline) {
        loggedIn.set(false);
        try {
            TickReport report = engine(units).tick(now, deadline);
            if (!report.failed() || !rotatedAfterLogin()) {
                return report;
            }
        } catch (GatewayException e) {
            if (!rotatedAfterLogin()) {
                throw e;
            }
        }
        LOG.info("the Genesys credentials in Secrets Manager changed since they were cached; ticking again with them");
        return engine(units).tick(clock.instant(), deadline);
    }

    /** Whether this tick logged in and Secrets Manager now holds other credentials than the ones it used. */
    private boolean rotatedAfterLogin() {
        if (!loggedIn.get()) {
            return false;
        }
        secret.reread();
        if (secret.current().equals(connectedWith)) {
            return false;
        }
        gateway = null; // a new client id needs a new client; a new secret alone would not, but rotation is rare
        engines.clear();
        return true;
    }

    private Engine engine(List<String> units) {
        if (gateway == null) {
            GenesysCredentials credentials = secret.current();
            connectedWith = credentials;
            gateway = gateways.connect(config.genesys().region(), credentials.clientId(), () -> {
                loggedIn.set(true);
                return credentials.clientSecret().toCharArray();
            });
        }
        return engines.computeIfAbsent(units, u -> new Engine(scoped(u), gateway, store, audit, clock));
    }

    /** The configuration with the scope narrowed to the request's units; the whole scope for none. */
    private Config scoped(List<String> units) {
        if (units.isEmpty()) {
            return config;
        }
        return new Config(config.genesys(), new Scope(units, List.of()), config.rules(), config.tick(), config.dryRun(),
                config.maxChangesPerTick(), config.state(), config.maxClockSkew());
    }

    /**
     * The units a request names, each one of the configured business units: a schedule's input may
     * narrow the scope, never widen it.
     */
    private List<String> unitsFor(TickRequest request) {
        List<String> configured = config.scope().businessUnits();
        List<String> outside = request.businessUnitIds().stream().filter(id -> !configured.contains(id)).toList();
        if (!outside.isEmpty()) {
            throw new InvalidConfigException(List.of(new ConfigProblem(TickRequest.BUSINESS_UNIT_IDS + " (invocation input)",
                    "names " + outside + ", not among the configured business units " + configured
                            + " (PREBREAK_SCOPE_BUSINESS_UNITS); the input may narrow the scope, not widen it")));
        }
        return request.businessUnitIds().stream().distinct().sorted().toList();
    }
}
