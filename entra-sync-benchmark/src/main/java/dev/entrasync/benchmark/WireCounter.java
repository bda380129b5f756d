package dev.entrasync.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The benchmark's only hook in the naive loop's HTTP stack, below the SDK's retry handler: it
 * counts requests and 429s per tenant, converts {@code Retry-After} from simulated into real
 * seconds (the SDK sleeps in real time; at time scale 1 nothing changes) and measures how long the
 * SDK slept before each retry (a retried request carries {@code Retry-Attempt}). One tenant at a
 * time, as the loop runs; thread-safe.
 */
final class WireCounter implements Interceptor {

    private final double timeScale;
    private final Map<String, Long> requestsByTenant = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong sleptNanos = new AtomicLong();
    private volatile String tenant = "";
    private volatile long last429At;

    WireCounter(double timeScale) {
        this.timeScale = timeScale;
    }

    /** The tenant the next requests are for. */
    void tenant(String id) {
        tenant = id;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().header("Retry-Attempt") != null && last429At != 0) {
            sleptNanos.addAndGet(System.nanoTime() - last429At);
            last429At = 0;
        }
        requests.incrementAndGet();
        requestsByTenant.merge(tenant, 1L, Long::sum);
        Response response = chain.proceed(chain.request());
        if (response.code() != 429) {
            return response;
        }
        throttled.incrementAndGet();
        last429At = System.nanoTime();
        String retryAfter = response.header("Retry-After");
        if (retryAfter == null || timeScale == 1) {
            return response;
        }
        try {
            BigDecimal real = new BigDecimal(retryAfter.trim())
                    .divide(BigDecimal.valueOf(timeScale), java.math.MathContext.DECIMAL64);
            return response.newBuilder()
                    .header("Retry-After", real.toPlainString())
                    .build();
        } catch (NumberFormatException e) {
            return response;
        }
    }

    long requests() {
        return requests.get();
    }

    long throttled() {
        return throttled.get();
    }

    Map<String, Long> requestsByTenant() {
        return requestsByTenant;
    }

    /** Real seconds the SDK slept before retries. */
    double sleptSeconds() {
        return sleptNanos.get() / 1e9;
    }
}
