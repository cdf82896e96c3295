package dev.prebreak.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.core.audit.AuditRecord.Outcome;
import dev.prebreak.core.config.Config;
import dev.prebreak.core.config.ConfigLoader;
import dev.prebreak.core.plan.ActionKind;
import dev.prebreak.core.state.InMemoryStateStore;
import dev.prebreak.core.tick.Engine;
import dev.prebreak.core.tick.TickReport;
import dev.prebreak.genesys.GenesysClient;
import dev.prebreak.sim.SimClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The prebreak side of the scale benchmark, run in a child JVM (the parent holds the simulator) so
 * that its heap is prebreak's alone: {@code -Xmx256m} applies to prebreak, not to a 50,000-agent
 * simulated org. Ticks once a virtual minute: before each tick the simulator's clock and this JVM's
 * clock are both set to the tick's time, and both then run at real speed while the tick runs (the
 * 50 ms of added latency per call is real waiting). Prints one CSV line per tick, then the heap peak.
 *
 * <p>Arguments: baseUrl clientId clientSecret businessUnitId firstTickIso ticks
 */
public final class ScaleRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String clientId = args[1];
        String secret = args[2];
        String bu = args[3];
        Instant first = Instant.parse(args[4]);
        int ticks = Integer.parseInt(args[5]);

        HeapPeak heap = HeapPeak.start();
        HttpClient control = HttpClient.newHttpClient();
        SimClock clock = SimClock.accelerated(first, 1.0);
        Config config = new ConfigLoader(Map.of("SIM_SECRET", secret)).parse(String.join("\n",
                "genesys:",
                "  region: " + base,
                "  clientId: " + clientId,
                "  clientSecret: env:SIM_SECRET",
                "scope:",
                "  businessUnits: [" + bu + "]",
                "rules:",
                "  - name: breaks",
                "    categories: [Break, Meal]",
                "    lead: 10m",
                "    presence: Pre-Break",
                "tick: 60s",
                ""), "scale benchmark");
        GenesysClient client = GenesysClient.builder().region(base.toString()).credentials(clientId, secret)
                .clock(clock).jitterSeed(1).build();
        Engine engine = new Engine(config, client, new InMemoryStateStore(), r -> { }, clock);

        System.out.println("tick,at,wall_ms,calls,http_429,schedule_search,users_read,presence_write,other,"
                + "agents_scheduled,candidates,applied,failed,heap_used_mb_after");
        for (int i = 0; i < ticks; i++) {
            Instant at = first.plus(Duration.ofMinutes(i));
            send(control, "PUT", base.resolve("/_sim/clock"), "{\"set\":\"" + at + "\"}");
            send(control, "DELETE", base.resolve("/_sim/stats"), null);
            clock.set(at);
            long started = System.nanoTime();
            TickReport report = engine.tick(at, at.plus(Duration.ofSeconds(60)));
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            Map<String, Long> calls = calls(JSON.readTree(send(control, "GET", base.resolve("/_sim/stats"), null)));
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            long search = calls.getOrDefault("search", 0L);
            long users = calls.getOrDefault("users", 0L);
            long write = calls.getOrDefault("write", 0L);
            long tooMany = calls.getOrDefault("429", 0L);
            System.out.printf("%d,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,%d%n", i, at, wallMs, total - tooMany, tooMany,
                    search, users, write, total - tooMany - search - users - write, report.agentsEvaluated(),
                    report.candidates(), report.count(Outcome.APPLIED).getOrDefault(ActionKind.PRE_BREAK, 0),
                    report.failed() ? "\"" + String.join("; ", report.failures()).replace('"', '\'') + "\"" : "",
                    heap.usedNow() / (1024 * 1024));
        }
        System.out.printf("heap_peak_mb,%d,heap_pools_peak_mb,%d,gc_count,%d,max_heap_mb,%d%n",
                heap.peak() / (1024 * 1024), heap.poolPeaks() / (1024 * 1024), heap.gcCount(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        heap.stop();
    }

    /** Requests per kind in the stats snapshot; the key "429" counts rate-limited answers of any endpoint. */
    private static Map<String, Long> calls(JsonNode stats) {
        Map<String, Long> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("endpoints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String kind = e.getKey().contains("agentschedules/search") ? "search"
                    : e.getKey().equals("GET /api/v2/users") ? "users"
                    : e.getKey().contains("presences/bulk") && e.getKey().startsWith("PUT") ? "write" : e.getKey();
            for (Iterator<Map.Entry<String, JsonNode>> s = e.getValue().fields(); s.hasNext(); ) {
                Map.Entry<String, JsonNode> byStatus = s.next();
                long n = byStatus.getValue().asLong();
                out.merge(kind, n, Long::sum);
                if (byStatus.getKey().equals("429")) {
                    out.merge("429", n, Long::sum);
                }
            }
        }
        return out;
    }

    private static String send(HttpClient http, String method, URI uri, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Heap in use, sampled every 10 ms, and the JVM's own per-pool peaks (an upper bound: pools peak apart). */
    static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapPeak() {
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(usedNow(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            h.sampler.start();
            return h;
        }

        long usedNow() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        long peak() {
            return Math.max(peak.get(), usedNow());
        }

        long poolPeaks() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
        }

        void stop() {
            running = false;
        }
    }
}
