package dev.entrasync.internal.graph;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.ResponseHandler;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.entrasync.AppCredential;
import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import dev.entrasync.Sleeper;
import dev.entrasync.TokenException;
import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.internal.limit.TokenBucket;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph for one (credential, tenant): requests go through the Graph SDK's request adapter
 * and middleware, authenticated with the tenant's cached app-only token, paced by the tenant's
 * token bucket, bounded by the tenant's and the global bulkheads, and retried by resilience4j
 * (429/503 after {@code Retry-After}, 5xx and connection failures with exponential back-off and
 * jitter; 400/401/403/404 never). Thread-safe.
 */
public final class TenantGraph {

    private static final Logger LOG = LoggerFactory.getLogger(TenantGraph.class);

    private final AppCredential credential;
    private final String tenant;
    private final BaseGraphRequestAdapter adapter;
    private final TokenService tokens;
    private final TenantBudget budget;
    private final TokenBucket globalBudget;
    private final Bulkhead globalBulkhead;
    private final GraphLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final URI v1;

    TenantGraph(AppCredential credential, String tenant, GraphTransport transport, TenantBudget budget) {
        this.credential = credential;
        this.tenant = tenant;
        this.tokens = transport.tokens();
        this.budget = budget;
        this.globalBudget = transport.globalBudget();
        this.globalBulkhead = transport.globalBulkhead();
        this.limits = transport.limits();
        this.clock = transport.clock();
        this.sleeper = transport.sleeper();
        this.v1 = URI.create(credential.cloud().graphUrl() + "/v1.0/");
        String graphHost = credential.cloud().graphUrl().getHost();
        AccessTokenProvider provider = new AccessTokenProvider() {
            private final AllowedHostsValidator hosts = new AllowedHostsValidator(graphHost);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return hosts.isUrlHostValid(uri) ? tokens.token(credential, tenant).value() : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        this.adapter = new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(provider),
                credential.cloud().graphUrl() + "/v1.0", transport.http().graphClient());
    }

    /** The tenant (GUID or domain) these requests are for. */
    public String tenant() {
        return tenant;
    }

    /** The credential used. */
    public AppCredential credential() {
        return credential;
    }

    /** The Graph v1.0 URL for a relative path such as {@code users?$select=id}. */
    public URI v1(String relative) {
        return v1.resolve(relative.startsWith("/") ? relative.substring(1) : relative);
    }

    /** This tenant's budget: its size class and its current directory request rate. */
    public dev.entrasync.TenantSizeClass sizeClass() {
        return budget.sizeClass();
    }

    /** Tells the pipeline the tenant's size, so it paces the tenant inside that class's budget. */
    public void sizeClass(dev.entrasync.TenantSizeClass sizeClass) {
        budget.sizeClass(sizeClass);
    }

    /** The directory's current request rate per second (lower after throttling). */
    public double directoryRate() {
        return budget.directoryRate();
    }

    TenantBudget budget() {
        return budget;
    }

    /**
     * Sends the request, retrying as described on the class, and reads a successful body.
     *
     * @throws GraphException typed: missing permission, missing licence, or the status and Graph's error
     */
    public <T> T send(GraphRequest request, ResponseReader<T> reader, RequestStats stats) {
        // Failures (5xx, dropped connections, malformed bodies) and throttling (429, 503 with Retry-After)
        // have their own budgets: Graph says a throttled request is to be sent again after the wait.
        int[] failures = {0};
        int[] throttles = {0};
        RetryConfig config = RetryConfig.<Outcome<T>>custom()
                .maxAttempts(limits.maxAttempts() + limits.throttledAttempts())
                .retryOnResult(o -> o.retryable() && (o.throttled() ? ++throttles[0] < limits.throttledAttempts()
                        : ++failures[0] < limits.maxAttempts()))
                .retryOnException(t -> tokenFailure(t) == null && isConnectionFailure(t) && ++failures[0] < limits.maxAttempts())
                .intervalBiFunction((attempt, either) -> {
                    Duration wait = either.isRight() && either.get().retryAfter() != null
                            ? either.get().retryAfter() : backoff(attempt);
                    if (either.isRight() && either.get().retryAfter() != null) {
                        stats.waitedOnRetryAfter(wait);
                    } else {
                        stats.waitedOnBackoff(wait);
                    }
                    LOG.debug("Tenant {}: retrying {} in {} (attempt {})", tenant, request.describe(), wait, attempt);
                    pause(wait);
                    return 0L; // we waited through the injectable sleeper; resilience4j's own sleep hook is JVM-global
                })
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of("graph-" + tenant, config);
        Outcome<T> outcome;
        try {
            outcome = retry.executeCallable(() -> attempt(request, reader, stats));
        } catch (GraphException e) {
            throw e;
        } catch (Exception e) {
            TokenException token = tokenFailure(e);
            if (token != null) {
                throw token; // the token for this request was refused: typed, with its AADSTS code and fix
            }
            throw new GraphException("Graph could not be reached for " + request.describe() + " in tenant " + tenant
                    + " after " + (failures[0] + throttles[0] + 1) + " attempts (" + rootMessage(e) + "). Check the network,"
                    + " proxy and TLS settings; the sync can be retried.", 0, null, tenant, request.describe(), true, e);
        }
        if (outcome.retryable()) {
            GraphException last = outcome.failure();
            throw new GraphException("Gave up on " + request.describe() + " in tenant " + tenant + " after "
                    + (failures[0] + throttles[0]) + " attempts (" + throttles[0] + " throttled); last: " + last.getMessage(),
                    last.status(), last.errorCode().orElse(null), tenant, request.describe(), true, last);
        }
        return outcome.value();
    }

    private <T> Outcome<T> attempt(GraphRequest request, ResponseReader<T> reader, RequestStats stats) throws Exception {
        ServiceBucket bucket = ServiceBucket.of(request.uri());
        Duration limited = Duration.ZERO;
        for (int permit = 0; permit < request.weight(); permit++) {
            limited = limited.plus(globalBudget.acquire()).plus(budget.bucket(bucket).acquire());
        }
        stats.waitedOnLimiter(limited);
        Bulkhead service = bucket == ServiceBucket.SECURITY ? budget.securityConcurrency() : null;
        globalBulkhead.acquirePermission();
        try {
            budget.concurrency().acquirePermission();
            try {
                if (service != null) {
                    service.acquirePermission();
                }
                try {
                    stats.request();
                    return exchange(request, reader, stats);
                } finally {
                    if (service != null) {
                        service.onComplete();
                    }
                }
            } finally {
                budget.concurrency().onComplete();
            }
        } finally {
            globalBulkhead.onComplete();
        }
    }

    private <T> Outcome<T> exchange(GraphRequest request, ResponseReader<T> reader, RequestStats stats) {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.valueOf(request.method());
        info.setUri(request.uri());
        info.headers.add("x-ms-throttle-priority", request.priority().header());
        info.headers.add("Accept", "application/json");
        if (request.body() != null) {
            info.setStreamContent(new ByteArrayInputStream(request.body()), "application/json");
        }
        info.setResponseHandler(new ResponseHandler() {
            @Override
            @SuppressWarnings("unchecked")
            public <N, M> M handleResponse(N nativeResponse,
                                           HashMap<String, ParsableFactory<? extends Parsable>> errorMappings) {
                try (Response response = (Response) nativeResponse) {
                    return (M) toOutcome(response, request, reader, stats);
                }
            }
        });
        @SuppressWarnings("unchecked")
        Outcome<T> outcome = adapter.sendPrimitive(info, null, Outcome.class);
        return outcome;
    }

    private <T> Outcome<T> toOutcome(Response response, GraphRequest request, ResponseReader<T> reader,
                                     RequestStats stats) {
        int status = response.code();
        ResponseBody body = response.body();
        String pressure = response.header("x-ms-throttle-limit-percentage");
        if (pressure != null) {
            try {
                budget.limitPercentage(Double.parseDouble(pressure.trim()));
            } catch (NumberFormatException ignored) {
                // not a number: ignore the hint
            }
        } else if (status < 400) {
            budget.relaxed();
        }
        if (status >= 200 && status < 300) {
            try (InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream()) {
                return Outcome.success(reader.read(in));
            } catch (IOException e) {
                GraphException malformed = new GraphException("Graph returned a malformed response for "
                        + request.describe() + " in tenant " + tenant + " (" + e.getMessage() + "). Nothing from this"
                        + " run was kept; the sync can be retried.", status, null, tenant, request.describe(), true, e);
                return Outcome.retry(malformed, null);
            }
        }
        String text;
        try {
            text = body == null ? "" : body.string();
        } catch (IOException e) {
            text = "";
        }
        GraphErrors.Body error = GraphErrors.Body.parse(text);
        GraphException failure = GraphErrors.of(status, error, tenant, request);
        if (status == 429 || status == 503) {
            if (status == 429) {
                stats.throttled();
                budget.throttled();
            }
            Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock).orElse(null);
            return Outcome.retry(failure, retryAfter);
        }
        if (status >= 500) {
            return Outcome.retry(failure, null);
        }
        if (status == 401) {
            tokens.invalidate(credential, tenant);
        }
        throw failure;
    }

    /** The most attempts a request (or a {@code $batch} item) gets. */
    int maxAttempts() {
        return limits.maxAttempts();
    }

    int throttledAttempts() {
        return limits.throttledAttempts();
    }

    /** Parses a {@code Retry-After} value (of a {@code $batch} item) against this engine's clock. */
    Duration retryAfter(String header) {
        return RetryAfter.parse(header, clock).orElse(null);
    }

    /** Waits before resending failed {@code $batch} items: their longest Retry-After, else back-off for this attempt. */
    void waitToResend(Duration retryAfter, int attempt, RequestStats stats) {
        Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
        if (retryAfter != null) {
            stats.waitedOnRetryAfter(wait);
        } else {
            stats.waitedOnBackoff(wait);
        }
        LOG.debug("Tenant {}: resending $batch items in {} (attempt {})", tenant, wait, attempt);
        pause(wait);
    }

    private Duration backoff(int attempt) {
        long base = limits.backoffBase().toMillis();
        long ceiling = Math.min(limits.backoffMax().toMillis(), base << Math.min(attempt - 1, 20));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Interrupted while waiting to retry in tenant " + tenant, 0, null, tenant, null,
                    true, e);
        }
    }

    /** The {@link TokenException} the auth provider threw for this request (Kiota may wrap it), or null. */
    static TokenException tokenFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TokenException token) {
                return token;
            }
        }
        return null;
    }

    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (c instanceof IOException || c instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** One attempt's result: a value, or a retryable failure with an optional Retry-After. */
    record Outcome<T>(T value, GraphException failure, Duration retryAfter) {
        /** Throttled (429, or 503 with Retry-After) rather than failed. */
        boolean throttled() {
            return failure != null && (failure.status() == 429 || (failure.status() == 503 && retryAfter != null));
        }

        static <T> Outcome<T> success(T value) {
            return new Outcome<>(value, null, null);
        }

        static <T> Outcome<T> retry(GraphException failure, Duration retryAfter) {
            return new Outcome<>(null, failure, retryAfter);
        }

        boolean retryable() {
            return failure != null;
        }
    }
}
