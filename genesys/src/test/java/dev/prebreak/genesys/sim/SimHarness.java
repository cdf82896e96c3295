package dev.prebreak.genesys.sim;

import dev.prebreak.genesys.BatchSizes;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.genesys.http.RetryPolicy;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * An embedded simulator on a manual virtual clock and clients wired to it. The clients' sleeper
 * advances the virtual clock instead of waiting, so retries and pacing cost no real time.
 */
final class SimHarness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    final Simulator sim;
    final AtomicLong sleptMillis = new AtomicLong();

    private SimHarness(Simulator sim) {
        this.sim = sim;
    }

    static SimHarness start(UnaryOperator<Simulator.Builder> settings) {
        Simulator.Builder builder = Simulator.builder().clock(SimClock.fixed(T0)).agents(150).seed(7).faultSeed(11);
        return new SimHarness(settings.apply(builder).build().start());
    }

    static SimHarness start() {
        return start(b -> b);
    }

    GenesysClient.Builder clientBuilder() {
        return GenesysClient.builder()
                .region(sim.baseUrl().toString())
                .credentials(sim.clientId(), sim.clientSecret())
                .clock(sim.clock())
                .sleeper(d -> {
                    sleptMillis.addAndGet(d.toMillis());
                    sim.clock().advance(d);
                })
                .retryPolicy(new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), new Random(3)))
                .requestTimeout(Duration.ofSeconds(10));
    }

    GenesysClient client() {
        return clientBuilder().build();
    }

    GenesysClient client(BatchSizes sizes) {
        return clientBuilder().batchSizes(sizes).build();
    }

    String businessUnitId() {
        return sim.org().businessUnits().get(0).id();
    }

    long calls(String endpoint) {
        return sim.requestStats().count(endpoint);
    }

    @Override
    public void close() {
        sim.close();
    }
}
