package dev.entrasync.internal.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * jitter; 400/401/403/404 never). Waits are bounded: a {@code Retry-After} longer than
 * {@link GraphLimits#maxRetryAfter()}, or a wait that takes the dataset's waits past
 * {@link GraphLimits#maxWaitPerDataset()}, stops the request with a {@link ThrottledException} instead.
 * A complete page that cannot be read (bad JSON, an item without an id) is not retried: the same
 * request gets the same answer. Requests, and the bearer token, go only to the origin (scheme, host,
 * port) of the credential's Graph URL. Thread-safe.
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
    private final Origin origin;

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
        Origin graphOrigin = Origin.of(credential.cloud().graphUrl());
        this.origin = graphOrigin;
        AccessTokenProvider provider = new AccessTokenProvider() {
            // Kiota's validator compares host names only; the token is attached only on Graph's whole origin
            private final AllowedHostsValidator hosts = new AllowedHostsValidator(graphHost);

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return graphOrigin.contains(uri) ? tokens.token(credential, tenant).value() : "";
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

    /** Whether a URL is on the origin (scheme, host, port) of the credential's Graph URL, without user-info. */
    public boolean onGraphOrigin(URI uri) {
        return origin.contains(uri);
    }

    /** Whether a link (a next or delta link, as text) is an absolute URL on Graph's origin. */
    public boolean onGraphOrigin(String link) {
        try {
            return link != null && origin.contains(URI.create(link));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The failure for a link outside Graph's origin: not followed, nothing of the dataset kept.
     *
     * @param what {@code @odata.nextLink}, {@code @odata.deltaLink}, ...
     * @param from the request whose answer carried it, for the message
     */
    public GraphException offOrigin(String what, String link, String from) {
        Origin other = Origin.of(link);
        return new GraphException("Graph's answer to " + from + " in tenant " + tenant + " carried an " + what
                + " to " + (other == null ? "something that is not an absolute URL" : "another origin (" + other + ")")
                + ", outside the credential's Graph URL " + credential.cloud().graphUrl()
                + ". entra-sync follows links and sends its token only on Graph's own origin, so the link was not"
                + " followed: the dataset was stopped, nothing from this run of it was kept and its checkpoint was not"
                + " moved. Retrying does not help while something between entra-sync and Graph (a proxy, or a custom"
                + " cloud's endpoint) rewrites the links; check it.", 200, null, tenant, from, false, null);
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
        if (!origin.contains(request.uri())) {
            Origin other = Origin.of(request.uri());
            throw new GraphException("entra-sync did not send " + request.describe() + " for tenant " + tenant + ": it is"
                    + " addressed to " + (other == null ? "no absolute URL" : other.toString()) + ", not to the"
                    + " credential's Graph URL " + credential.cloud().graphUrl() + ", and requests and the token go only"
                    + " to Graph's own origin (scheme, host and port). Nothing was sent; this is a bug in the caller.", 0,
                    null, tenant, request.describe(), false, null);
        }
        // Failures (5xx, dropped connections, malformed bodies) and throttling (429, 503 with Retry-After)
        // have their own budgets: Graph says a throttled request is to be sent again after the wait.
        int[] failures = {0};
        int[] throttles = {0};
        RetryConfig config = RetryConfig.<Outcome<T>>custom()
                .maxAttempts(limits.maxAttempts() + limits.throttledAttempts())
                .retryOnResult(o -> o.retryable() && (o.throttled() ? ++throttles[0] < limits.throttledAttempts()
                        : ++failures[0] < limits.maxAttempts()))
                .retryOnException(t -> graphFailure(t) == null && tokenFailure(t) == null && isConnectionFailure(t)
                        && ++failures[0] < limits.maxAttempts())
                .intervalBiFunction((attempt, either) -> {
                    Duration retryAfter = either.isRight() ? either.get().retryAfter() : null;
                    Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
                    bound(wait, retryAfter != null, request.describe(), either.isRight() ? either.get().failure() : null,
                            stats);
                    if (retryAfter != null) {
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
            GraphException graph = graphFailure(e);
            if (graph != null) {
                throw graph; // ours, wrapped on the way out of the SDK's response handler
            }
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
            } catch (JsonProcessingException e) {
                // the whole body arrived and is not a page of ours: the same request gets the same answer
                throw new GraphException("Graph answered " + request.describe() + " in tenant " + tenant + " with a"
                        + " malformed page that cannot be ours: " + e.getOriginalMessage() + " (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "). The answer"
                        + " arrived whole, so it was not sent again; the dataset was stopped and nothing from this run of"
                        + " it was kept. The next run tries again; if it fails the same way, report it with this message.",
                        status, null, tenant, request.describe(), true, e);
            } catch (IOException e) {
                // the connection broke while the body was read: sending the request again may well succeed
                GraphException cutOff = new GraphException("Graph's answer to " + request.describe() + " in tenant "
                        + tenant + " was cut off (" + e.getMessage() + "). Nothing from this run was kept; the sync can"
                        + " be retried.", status, null, tenant, request.describe(), true, e);
                return Outcome.retry(cutOff, null);
            }
        }
        if (status >= 300 && status < 400) {
            String location = response.header("Location");
            Origin to;
            try {
                to = location == null ? null : Origin.of(request.uri().resolve(location.trim()));
            } catch (IllegalArgumentException notAUrl) {
                to = null;
            }
            throw new GraphException("Graph answered " + request.describe() + " in tenant " + tenant + " with a redirect ("
                    + status + ") to " + (to == null ? "nowhere usable" : origin.equals(to) ? "Graph's own origin"
                    : "another origin (" + to + ")") + ". entra-sync follows no redirect for Graph requests, so the token"
                    + " and the pages stay on " + credential.cloud().graphUrl() + "; the dataset was stopped and nothing"
                    + " from this run of it was kept. Check for a proxy or custom endpoint that redirects.", status, null,
                    tenant, request.describe(), false, null);
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

    /** The most pages one paged read may follow ({@link GraphLimits#maxPages()}). */
    int maxPages() {
        return limits.maxPages();
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

    /**
     * Waits before resending failed {@code $batch} items: their longest Retry-After, else back-off for this attempt;
     * bounded like a request's waits.
     *
     * @param items what is resent, for the message (e.g. {@code 3 $batch requests (first: /groups/…)})
     * @param last the last item's failure
     * @throws ThrottledException instead of a wait past {@link GraphLimits#maxRetryAfter()} or the dataset's total
     */
    void waitToResend(Duration retryAfter, int attempt, RequestStats stats, String items, GraphException last) {
        Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
        bound(wait, retryAfter != null, items, last, stats);
        if (retryAfter != null) {
            stats.waitedOnRetryAfter(wait);
        } else {
            stats.waitedOnBackoff(wait);
        }
        LOG.debug("Tenant {}: resending $batch items in {} (attempt {})", tenant, wait, attempt);
        pause(wait);
    }

    /**
     * Refuses a wait Graph asked for that is longer than the cap, or any wait that takes the dataset past its total.
     *
     * @throws ThrottledException saying what Graph asked, which bound stopped it and when to try again
     */
    private void bound(Duration wait, boolean askedByGraph, String what, GraphException last, RequestStats stats) {
        Instant end = clock.instant().plus(wait);
        Instant retryAt = end.getNano() == 0 ? end : end.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String answer = last == null ? "a dropped connection"
                : last.status() + last.errorCode().map(c -> " " + c).orElse("");
        int status = last == null ? 0 : last.status();
        String code = last == null ? null : last.errorCode().orElse(null);
        if (askedByGraph && wait.compareTo(limits.maxRetryAfter()) > 0) {
            throw new ThrottledException("Graph asked tenant " + tenant + " to wait " + Waits.describe(wait)
                    + " before sending " + what + " again (" + answer + "); the dataset was stopped instead, because a"
                    + " single wait is capped at " + Waits.describe(limits.maxRetryAfter()) + " (GraphLimits.maxRetryAfter)."
                    + " Nothing from this run of the dataset was kept and the job went on with the next one; it will be"
                    + " tried again at the next run after " + retryAt + ", when Graph said to try again. If this"
                    + " recurs, sync the tenant less often.", status, code, tenant, what, retryAt, last);
        }
        Duration waited = stats.waited();
        if (waited.plus(wait).compareTo(limits.maxWaitPerDataset()) > 0) {
            throw new ThrottledException((askedByGraph ? "Graph asked tenant " + tenant + " to wait "
                    + Waits.describe(wait) + " before sending " + what + " again (" + answer + ")"
                    : "Retrying " + what + " in tenant " + tenant + " after " + answer + " needed a back-off of "
                    + Waits.describe(wait)) + ", but this dataset had already waited " + Waits.describe(waited)
                    + " on throttling and back-off in this run, and one dataset may wait at most "
                    + Waits.describe(limits.maxWaitPerDataset()) + " in total (GraphLimits.maxWaitPerDataset). The dataset"
                    + " was stopped: nothing from this run of it was kept and the job went on with the next one; it will"
                    + " be tried again at the next run after " + retryAt + ". If this recurs, sync the tenant less often.",
                    status, code, tenant, what, retryAt, last);
        }
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

    /** A {@link GraphException} of ours on the way out of the SDK (Kiota may wrap it), or null. */
    static GraphException graphFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GraphException graph) {
                return graph;
            }
        }
        return null;
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
