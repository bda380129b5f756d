package dev.entrasync.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Measures the simulated Graph alone: how many requests per second it answers to a trivial client
 * (plain OkHttp, body read and dropped) with a given number of requests in flight, for a small
 * answer ({@code /organization}, one object) and a big one (999 users). Run it before trusting a
 * fleet result: the fleet's request rates must stay well below these.
 */
final class SimulatorProbe {

    /** One probe: what was asked and what the simulator served. */
    record Probe(
            String request,
            int concurrency,
            long latencyMicros,
            long requests,
            double seconds,
            double requestsPerSecond) {}

    private static final String CLIENT_ID = "5a0d2c4e-6b1f-4e3a-8c7d-9e0f1a2b3c4d";
    private static final String SECRET = "probe-secret";

    private SimulatorProbe() {}

    /** Runs every combination of request and concurrency for {@code each} of wall time. */
    static List<Probe> run(List<Integer> concurrencies, Duration latency, Duration each) throws Exception {
        List<Probe> probes = new ArrayList<>();
        try (SimulatedCloud cloud = SimulatedCloud.start()) {
            cloud.recordCalls(false);
            SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
            SimulatedTenant tenant = cloud.addTenant(
                    TenantBuilder.create("Probe").seed(1).users(2_000).build());
            tenant.consent(app, Permissions.allRead());
            OkHttpClient http = new OkHttpClient.Builder()
                    .connectionPool(new ConnectionPool(256, 1, TimeUnit.MINUTES))
                    .build();
            String token = token(http, cloud, tenant.id());
            cloud.latency(latency, Duration.ZERO);
            for (String path : List.of(
                    "/v1.0/organization",
                    "/v1.0/users?$select=id,displayName,userPrincipalName,accountEnabled&$top=999")) {
                for (int concurrency : concurrencies) {
                    hammer(http, cloud.graphUrl() + path, token, concurrency, Duration.ofMillis(500));
                    probes.add(measure(http, cloud.graphUrl() + path, path, token, concurrency, latency, each));
                }
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        return probes;
    }

    private static Probe measure(
            OkHttpClient http, String url, String path, String token, int concurrency, Duration latency, Duration each)
            throws Exception {
        long started = System.nanoTime();
        long count = hammer(http, url, token, concurrency, each);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Probe(path, concurrency, latency.toNanos() / 1000, count, seconds, count / seconds);
    }

    /** Sends requests from {@code concurrency} threads for {@code duration}; returns how many were answered 200. */
    private static long hammer(OkHttpClient http, String url, String token, int concurrency, Duration duration)
            throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        AtomicLong answered = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(threads.submit(() -> {
                    Request request = new Request.Builder()
                            .url(url)
                            .header("Authorization", "Bearer " + token)
                            .build();
                    while (System.nanoTime() < until) {
                        try (Response response = http.newCall(request).execute()) {
                            response.body().source().readAll(okio.Okio.blackhole());
                            if (response.code() != 200) {
                                throw new IllegalStateException(
                                        "the simulator answered " + response.code() + " to " + url);
                            }
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        return answered.get();
    }

    private static String token(OkHttpClient http, SimulatedCloud cloud, String tenant) {
        Request request = new Request.Builder()
                .url(cloud.loginUrl() + "/" + tenant + "/oauth2/v2.0/token")
                .post(new FormBody.Builder()
                        .add("grant_type", "client_credentials")
                        .add("client_id", CLIENT_ID)
                        .add("client_secret", SECRET)
                        .add("scope", cloud.graphUrl() + "/.default")
                        .build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            return new ObjectMapper()
                    .readTree(response.body().string())
                    .path("access_token")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get a token from the simulated cloud", e);
        }
    }
}
