package dev.prebreak.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prebreak.sim.SimClock;
import dev.prebreak.sim.Simulator;
import dev.prebreak.sim.generate.OrgGenerator;
import dev.prebreak.sim.generate.OrgSpec;
import dev.prebreak.sim.org.PresenceDefinition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * How fast the simulator serves what prebreak calls: BU schedule searches (100 users, 2-hour window),
 * bulk presence reads (50 ids) and bulk presence writes (50 users), over real HTTP from N client threads.
 *
 * <pre>java -cp ... dev.prebreak.bench.SimulatorThroughput [--agents 10000] [--threads 8] [--seconds 10]</pre>
 */
public final class SimulatorThroughput {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Figures for one scenario. */
    record Result(String scenario, long requests, long errors, double seconds, long[] latenciesMicros) {
        Result named(String name) {
            return new Result(name, requests, errors, seconds, latenciesMicros);
        }

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100.0 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }
    }

    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int agents = 10_000;
        int threads = 8;
        int seconds = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--agents" -> agents = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Instant now = Instant.parse("2026-11-24T15:00:00Z");
        long genStart = System.nanoTime();
        try (Simulator sim = Simulator.builder().clock(SimClock.fixed(now))
                .orgSpec(OrgSpec.of(agents, 42, LocalDate.ofInstant(now, ZoneOffset.UTC)))
                .rateLimitPerMinute(0).asyncThresholdUsers(Integer.MAX_VALUE).downloadThresholdUsers(Integer.MAX_VALUE)
                .downloadThresholdBytes(Long.MAX_VALUE).build().start()) {
            System.out.printf("simulator: %d agents generated and started in %d ms; %d client threads, %d s per scenario, "
                            + "%d cores%n", agents, (System.nanoTime() - genStart) / 1_000_000, threads, seconds,
                    Runtime.getRuntime().availableProcessors());
            String token = token(sim);
            String buId = sim.org().businessUnits().get(0).id();
            List<String> buUsers = sim.org().userIdsInBusinessUnit(buId);
            List<String> allUsers = sim.org().userIds();
            String preBreak = sim.org().presenceDefinitionByLabel(OrgGenerator.PRE_BREAK_LABEL).orElseThrow().id();
            URI base = sim.baseUrl();
            String from = now.toString();
            String to = now.plus(Duration.ofHours(2)).toString();

            IntFunction<HttpRequest> search = n -> {
                int offset = (n * 100) % Math.max(1, buUsers.size() - 100);
                StringJoiner ids = new StringJoiner("\",\"", "[\"", "\"]");
                buUsers.subList(offset, Math.min(buUsers.size(), offset + 100)).forEach(ids::add);
                String body = "{\"startDate\":\"" + from + "\",\"endDate\":\"" + to + "\",\"userIds\":" + ids + "}";
                return HttpRequest.newBuilder(base.resolve("/api/v2/workforcemanagement/businessunits/" + buId
                                + "/agentschedules/search")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            };
            IntFunction<HttpRequest> bulkRead = n -> {
                int offset = (n * 50) % (allUsers.size() - 50);
                StringJoiner ids = new StringJoiner("&id=", "?id=", "");
                allUsers.subList(offset, offset + 50).forEach(ids::add);
                return HttpRequest.newBuilder(base.resolve("/api/v2/users/presences/purecloud/bulk" + ids))
                        .header("Authorization", "Bearer " + token).GET().build();
            };
            IntFunction<HttpRequest> bulkWrite = n -> {
                int offset = (n * 50) % (allUsers.size() - 50);
                String presence = n % 2 == 0 ? preBreak : PresenceDefinition.ON_QUEUE_ID;
                StringJoiner entries = new StringJoiner(",", "[", "]");
                for (String id : allUsers.subList(offset, offset + 50)) {
                    entries.add("{\"id\":\"" + id + "\",\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\""
                            + presence + "\"}}");
                }
                return HttpRequest.newBuilder(base.resolve("/api/v2/users/presences/bulk"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(entries.toString())).build();
            };

            List<Result> results = new ArrayList<>();
            results.add(run("BU schedule search (100 users, 2 h)", search, threads, seconds));
            results.add(run("bulk presence read (50 ids)", bulkRead, threads, seconds));
            results.add(run("bulk presence write (50 users)", bulkWrite, threads, seconds));

            System.out.println();
            System.out.println("| scenario | req/s | agents/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Result r : results) {
                int perRequest = r.scenario().startsWith("BU") ? 100 : 50;
                System.out.printf("| %s | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n", r.scenario(), r.perSecond(),
                        r.perSecond() * perRequest, r.percentileMillis(50), r.percentileMillis(90),
                        r.percentileMillis(99), r.percentileMillis(100), r.errors());
            }
            System.out.println();
            System.out.println("presence writes logged: " + sim.presenceLog().size());
            System.out.println("requests by endpoint: " + sim.requestStats().snapshot());
        }
    }

    private static Result run(String name, IntFunction<HttpRequest> requests, int threads, int seconds)
            throws InterruptedException {
        // Warm up the JIT and the connection pools first; only the timed phase is reported.
        drive(requests, threads, 2);
        return drive(requests, threads, seconds).named(name);
    }

    private static Result drive(IntFunction<HttpRequest> requests, int threads, int seconds) throws InterruptedException {
        AtomicLong counter = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] sizes = new int[threads];
        CountDownLatch done = new CountDownLatch(threads);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int index = t;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = 0;
                try {
                    while (System.nanoTime() < deadline && n < latencies.length) {
                        HttpRequest request = requests.apply((int) counter.getAndIncrement());
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[n++] = (System.nanoTime() - t0) / 1000;
                    }
                } finally {
                    sizes[index] = n;
                    done.countDown();
                }
            }, "bench-" + t);
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(sizes).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, pos, sizes[t]);
            pos += sizes[t];
        }
        Arrays.sort(all);
        return new Result("", total, errors.get(), elapsed, all);
    }

    private static String token(Simulator sim) throws Exception {
        String basic = Base64.getEncoder().encodeToString((sim.clientId() + ":" + sim.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUrl().resolve("/oauth/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("access_token").asText();
    }
}
