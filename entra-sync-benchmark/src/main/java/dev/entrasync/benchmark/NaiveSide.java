package dev.entrasync.benchmark;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.entrasync.testing.ScaledTime;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * The naive side: tenants one after another, each read by {@link NaiveSdkLoop} through a
 * {@code GraphServiceClient} built for that tenant with the SDK's default middleware (its retry
 * handler included). A tenant that throws is logged as failed and the loop goes on.
 *
 * <p>With {@code slices} above 1, that many copies of the loop run at once, each over its share of
 * the tenants (round robin), each with its own HTTP client; tenants stay independent, so the wall
 * time of one loop over the whole fleet is the sum of the per-tenant times, which is what
 * {@link SideResult#realSeconds()} then holds.
 */
final class NaiveSide {

    private NaiveSide() {}

    /** One copy of the loop's totals. */
    private record Slice(double tenantSeconds, WireCounter wire, Map<String, Long> rows, List<String> failed) {}

    static SideResult run(SideSpec spec, HeapSampler heap) throws Exception {
        ScaledTime clock = new ScaledTime(spec.anchor());
        int slices = Math.max(1, Math.min(spec.workers(), spec.tenants().size()));
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(slices);
        List<Future<Slice>> running = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            List<String> mine = new ArrayList<>();
            for (int i = s; i < spec.tenants().size(); i += slices) {
                mine.add(spec.tenants().get(i));
            }
            running.add(threads.submit(() -> loop(spec, mine, clock, done)));
        }
        double tenantSeconds = 0;
        double slept = 0;
        long requests = 0;
        long throttled = 0;
        Map<String, Long> byTenant = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (Future<Slice> future : running) {
            Slice slice = future.get();
            tenantSeconds += slice.tenantSeconds();
            slept += slice.wire().sleptSeconds();
            requests += slice.wire().requests();
            throttled += slice.wire().throttled();
            byTenant.putAll(slice.wire().requestsByTenant());
            slice.rows().forEach((dataset, n) -> rows.merge(dataset, n, Long::sum));
            failed.addAll(slice.failed());
        }
        threads.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new SideResult(
                SideSpec.NAIVE,
                tenantSeconds,
                elapsed,
                slices,
                slept,
                requests,
                throttled,
                byTenant,
                Map.of(),
                rows,
                failed,
                heap.peakMiB(),
                null);
    }

    /** The loop as a developer writes it: one tenant after the other. */
    private static Slice loop(SideSpec spec, List<String> tenants, ScaledTime clock, AtomicInteger done) {
        WireCounter wire = new WireCounter(clock.factor());
        OkHttpClient http = GraphClientFactory.create(GraphServiceClient.getGraphClientOptions())
                .addInterceptor(wire)
                .build();
        LoginRouting login = new LoginRouting(new OkHttpClient(), spec.loginUrl());
        String graphHost = URI.create(spec.graphUrl()).getHost();
        Map<String, Long> rows = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        double seconds = 0;
        for (String tenant : tenants) {
            long started = System.nanoTime();
            wire.tenant(tenant);
            try {
                MsalTokenProvider tokens =
                        new MsalTokenProvider(tenant, spec.clientId(), spec.secret(), login, graphHost);
                GraphServiceClient graph =
                        new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens), http);
                graph.getRequestAdapter().setBaseUrl(spec.graphUrl() + "/v1.0");
                Map<String, List<?>> tenantRows =
                        new NaiveSdkLoop(graph).readTenant(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                NaiveSdkLoop.counts(tenantRows).forEach((dataset, n) -> rows.merge(dataset, n, Long::sum));
            } catch (Exception e) {
                failed.add(tenant + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
            seconds += (System.nanoTime() - started) / 1e9;
            int n = done.incrementAndGet();
            if (n % 100 == 0) {
                Progress.say("naive: %d of %d tenants", n, spec.tenants().size());
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        return new Slice(seconds, wire, rows, failed);
    }
}
