package dev.entrasync.internal.graph;

import dev.entrasync.AppCredential;
import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import dev.entrasync.Sleeper;
import dev.entrasync.internal.auth.TenantIds;
import dev.entrasync.internal.auth.TokenService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Microsoft Graph for one (credential, tenant): requests go through the Graph SDK's request adapter
 * and middleware, authenticated with the tenant's cached app-only token, paced by the tenant's
 * token bucket, bounded by the tenant's and the global bulkheads, and sent again by one retry policy
 * (429/503 after {@code Retry-After}, 5xx and connection failures with exponential back-off and
 * jitter; 400/401/403/404 never). Waits are bounded: a {@code Retry-After} longer than
 * {@link GraphLimits#maxRetryAfter()}, or a wait that takes the dataset's waits past
 * {@link GraphLimits#maxWaitPerDataset()}, stops the request with a {@link ThrottledException} instead.
 * A complete page that cannot be read (bad JSON, an item without an id) is not retried: the same
 * request gets the same answer. Requests, and the bearer token, go only to the origin (scheme, host,
 * port) of the credential's Graph URL. Thread-safe.
 *
 * <p>Each attempt is {@link Admission} (budgets and bulkheads), then {@link GraphCall} (the request through the SDK),
 * then {@link ResponseClassifier} (the answer into an {@link Outcome}); {@link RetryPolicy} decides from the outcome
 * whether to send again and after how long, and {@link #retryOrThrow} is the one place that waits, for requests and
 * for {@code $batch} items alike.
 */
public final class TenantGraph {

    private static final Logger LOG = LoggerFactory.getLogger(TenantGraph.class);

    private final AppCredential credential;
    private final String tenant;
    private final TokenService tokens;
    private final TenantBudget budget;
    private final GraphLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final URI v1;
    private final Origin origin;
    private final Admission admission;
    private final GraphCall call;
    private final ResponseClassifier classifier;
    private final RetryPolicy policy;

    TenantGraph(AppCredential credential, String tenant, GraphTransport transport, TenantBudget budget) {
        this.credential = credential;
        this.tenant = tenant;
        this.tokens = transport.tokens();
        this.budget = budget;
        this.limits = transport.limits();
        this.clock = transport.clock();
        this.sleeper = transport.sleeper();
        this.v1 = URI.create(credential.cloud().graphUrl() + "/v1.0/");
        this.origin = Origin.of(credential.cloud().graphUrl());
        this.admission = new Admission(transport.globalBudget(), transport.globalBulkhead(), budget);
        this.call = new GraphCall(
                credential.cloud().graphUrl(),
                () -> tokens.token(credential, tenant).value(),
                transport.http().graphClient());
        this.classifier =
                new ResponseClassifier(tenant, origin, credential.cloud().graphUrl(), clock);
        this.policy = new RetryPolicy(tenant, limits);
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
        return new GraphException(
                "Graph's answer to " + from + " in tenant " + tenant + " carried an " + what
                        + " to "
                        + (other == null ? "something that is not an absolute URL" : "another origin (" + other + ")")
                        + ", outside the credential's Graph URL "
                        + credential.cloud().graphUrl()
                        + ". entra-sync follows links and sends its token only on Graph's own origin, so the link was not"
                        + " followed: the dataset was stopped, nothing from this run of it was kept and its checkpoint was not"
                        + " moved. Retrying does not help while something between entra-sync and Graph (a proxy, or a custom"
                        + " cloud's endpoint) rewrites the links; check it.",
                200,
                null,
                TenantIds.orNull(tenant),
                from,
                false,
                null);
    }

    /** This tenant's budget: its size class and its current directory request rate. */
    public dev.entrasync.internal.graph.TenantSizeClass sizeClass() {
        return budget.sizeClass();
    }

    /** Tells the pipeline the tenant's size, so it paces the tenant inside that class's budget. */
    public void sizeClass(dev.entrasync.internal.graph.TenantSizeClass sizeClass) {
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
            throw new GraphException(
                    "entra-sync did not send " + request.describe() + " for tenant " + tenant + ": it is"
                            + " addressed to " + (other == null ? "no absolute URL" : other.toString()) + ", not to the"
                            + " credential's Graph URL " + credential.cloud().graphUrl()
                            + ", and requests and the token go only"
                            + " to Graph's own origin (scheme, host and port). Nothing was sent; this is a bug in the caller.",
                    0,
                    null,
                    TenantIds.orNull(tenant),
                    request.describe(),
                    false,
                    null);
        }
        RetryPolicy.Subject subject = RetryPolicy.Subject.request(request);
        RetryPolicy.History history = RetryPolicy.History.NONE;
        while (true) {
            Outcome<T> outcome = attempt(request, reader, stats);
            if (outcome instanceof Outcome.Success<T> success) {
                return success.value();
            }
            history = retryOrThrow(subject, outcome, history, stats);
        }
    }

    /** One attempt: admitted, sent, and its answer (or the call's failure) classified. */
    private <T> Outcome<T> attempt(GraphRequest request, ResponseReader<T> reader, RequestStats stats) {
        Outcome<T> outcome;
        try {
            outcome = admission.admit(
                    request,
                    stats,
                    () -> call.send(request, reply -> {
                        admission.heard(reply.status(), reply.header("x-ms-throttle-limit-percentage"));
                        return classifier.classify(reply, request, reader);
                    }));
        } catch (Exception e) {
            return ResponseClassifier.ofFailure(e);
        }
        if (outcome instanceof Outcome.Retryable<T> retryable) {
            if (retryable.failure().status() == 429) {
                stats.throttled();
            } else if (retryable.failure().status() == 503) {
                stats.unavailable();
            }
        }
        if (outcome instanceof Outcome.Refused<T> refused
                && refused.failure() instanceof GraphException failure
                && failure.status() == 401) {
            tokens.invalidate(credential, tenant);
        }
        return outcome;
    }

    /**
     * The one place a request or a round of {@code $batch} items waits to be sent again: asks the retry policy, throws
     * the failure it stops with, or counts the wait in {@code stats} and sleeps it through the injected sleeper.
     *
     * @param history the attempts before this one
     * @return the attempts so far, this one included
     * @throws GraphException the failure to stop with ({@link ThrottledException} instead of a wait past the bounds)
     */
    RetryPolicy.History retryOrThrow(
            RetryPolicy.Subject subject, Outcome<?> outcome, RetryPolicy.History history, RequestStats stats) {
        RetryPolicy.Decision decision = policy.decide(subject, outcome, history, stats.waited(), clock.instant());
        if (decision instanceof RetryPolicy.Stop stop) {
            throw stop.failure();
        }
        RetryPolicy.Retry retry = (RetryPolicy.Retry) decision;
        if (retry.askedByGraph()) {
            stats.waitedOnRetryAfter(retry.delay());
        } else {
            stats.waitedOnBackoff(retry.delay());
        }
        LOG.debug(
                "Tenant {}: sending {} again in {} (attempt {})",
                tenant,
                subject.what(),
                retry.delay(),
                retry.history().attempts());
        try {
            sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(
                    "Interrupted while waiting to retry in tenant " + tenant,
                    0,
                    null,
                    TenantIds.orNull(tenant),
                    null,
                    true,
                    e);
        }
        return retry.history();
    }

    /** The most pages one paged read may follow ({@link GraphLimits#maxPages()}). */
    int maxPages() {
        return limits.maxPages();
    }

    /** Parses a {@code Retry-After} value (of a {@code $batch} item) against this engine's clock. */
    Duration retryAfter(String header) {
        return classifier.retryAfter(header);
    }
}
