package dev.entrasync;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard entra-sync may push Microsoft Graph: per-tenant request rate and concurrency, overall
 * concurrency, and how retries and waits are bounded. Given to {@code EntraSync.Builder.limits(GraphLimits)}
 * once per host; the runtime builds one app-wide budget and one set of budgets per tenant from it, shared by the
 * engine, onboarding and mail.
 *
 * <p>Immutable and thread-safe. Take {@link #ofDefaults()}, build your own with {@link #custom()}, or start from
 * another with {@link #from(GraphLimits)}:
 * <pre>{@code
 * GraphLimits limits = GraphLimits.custom().tenantRequestsPerSecond(10).maxAttempts(3).build();
 * GraphLimits gentler = GraphLimits.from(limits).tenantConcurrency(1).build();
 * }</pre>
 * Every builder setter refuses a value out of range at once ({@link IllegalArgumentException} naming the field
 * and the value); {@link Builder#build()} checks the rules between fields.
 */
public final class GraphLimits {

    /** Default {@link #maxRetryAfter()}: 5 minutes. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);
    /** Default {@link #maxWaitPerDataset()}: 15 minutes. */
    public static final Duration DEFAULT_MAX_WAIT_PER_DATASET = Duration.ofMinutes(15);
    /**
     * Default {@link #maxPages()}: 20,000 pages, at least two million objects at Graph's smallest usual page
     * (100), far beyond a directory's size.
     */
    public static final int DEFAULT_MAX_PAGES = 20_000;

    private static final GraphLimits DEFAULTS = new Builder().build();

    private final double tenantRequestsPerSecond;
    private final int tenantBurst;
    private final int tenantConcurrency;
    private final int globalConcurrency;
    private final int maxAttempts;
    private final int throttledAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;
    private final Duration tokenRenewBefore;
    private final Duration maxRetryAfter;
    private final Duration maxWaitPerDataset;
    private final int maxPages;

    private GraphLimits(Builder b) {
        this.tenantRequestsPerSecond = b.tenantRequestsPerSecond;
        this.tenantBurst = b.tenantBurst;
        this.tenantConcurrency = b.tenantConcurrency;
        this.globalConcurrency = b.globalConcurrency;
        this.maxAttempts = b.maxAttempts;
        this.throttledAttempts = b.throttledAttempts;
        this.backoffBase = b.backoffBase;
        this.backoffMax = b.backoffMax;
        this.tokenRenewBefore = b.tokenRenewBefore;
        this.maxRetryAfter = b.maxRetryAfter;
        this.maxWaitPerDataset = b.maxWaitPerDataset;
        this.maxPages = b.maxPages;
    }

    /**
     * 25 requests/s per tenant (burst 50), 4 in flight per tenant, 64 overall, 8 attempts on failures,
     * 50 throttled answers in a row, back-off from 1 s up to 2 min, tokens renewed 5 minutes before they expire,
     * a single {@code Retry-After} of at most 5 minutes, at most 15 minutes of waiting per dataset run, at most
     * 20,000 pages per paged read. Suits a fleet of small and large tenants inside Graph's documented limits.
     *
     * @return the shared default limits; never null
     */
    public static GraphLimits ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A new builder starting from {@link #ofDefaults()}.
     *
     * @return a new builder holding the default settings; never null
     */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * A new builder starting from every setting of {@code base}.
     *
     * @param base the limits to copy every setting from; never null
     * @return a new builder holding the settings of {@code base}; never null
     * @throws NullPointerException if {@code base} is null
     */
    public static Builder from(GraphLimits base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /**
     * Steady request rate per tenant (the directory's; Graph's size classes may cap it lower).
     *
     * @return the steady rate in requests per second for one tenant; positive and finite (default 25)
     */
    public double tenantRequestsPerSecond() {
        return tenantRequestsPerSecond;
    }

    /**
     * Requests a tenant may send at once before the rate applies.
     *
     * @return the number of requests a tenant may send at once before the rate applies; at least 1 (default 50)
     */
    public int tenantBurst() {
        return tenantBurst;
    }

    /**
     * Requests in flight per tenant, across everything on the runtime: the engine (one thread per tenant's run,
     * but several engines or a one-off {@code sync} may run the same tenant), onboarding (preflight, consent
     * verification) and mail all share the tenant's bound.
     *
     * @return the number of requests in flight at once for one tenant; at least 1 and at most
     *     {@link #globalConcurrency()} (default 4)
     */
    public int tenantConcurrency() {
        return tenantConcurrency;
    }

    /**
     * Requests in flight across all tenants.
     *
     * @return the number of requests in flight at once across all tenants; at least {@link #tenantConcurrency()}
     *     (default 64)
     */
    public int globalConcurrency() {
        return globalConcurrency;
    }

    /**
     * Attempts per request, the first included, when it fails (5xx, a dropped connection, a malformed body).
     *
     * @return the attempts per failing request, the first included; at least 1 (default 8)
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * How many times in a row a request may be throttled (429, or 503 with {@code Retry-After}) and still be sent
     * again after the wait Graph asked for: a throttled request is not a failure, so this is much larger than
     * {@link #maxAttempts()}.
     *
     * @return the number of consecutive throttled answers a request may get and still be retried; at least 1 (default
     *     50)
     */
    public int throttledAttempts() {
        return throttledAttempts;
    }

    /**
     * First back-off when Graph gives no usable {@code Retry-After} (none, unparseable or negative: Graph's
     * guidance is then exponential back-off).
     *
     * @return the first back-off; positive and at most {@link #backoffMax()} (default 1 s)
     */
    public Duration backoffBase() {
        return backoffBase;
    }

    /**
     * Longest single back-off; it does not apply to {@code Retry-After}, which {@link #maxRetryAfter()} bounds.
     *
     * @return the longest single back-off; positive and at least {@link #backoffBase()} (default 2 min)
     */
    public Duration backoffMax() {
        return backoffMax;
    }

    /**
     * How long before expiry a cached token is renewed.
     *
     * @return how long before its expiry a cached token is renewed; not negative (default 5 min)
     */
    public Duration tokenRenewBefore() {
        return tokenRenewBefore;
    }

    /**
     * The longest single wait a {@code Retry-After} may ask for (of a request or of a {@code $batch} item); when
     * Graph asks for longer, the dataset is not waited for: it fails at once with a reason naming the throttling
     * and when Graph said to try again, and the job moves on to the next dataset.
     *
     * @return the longest single {@code Retry-After} wait that is honoured; not negative (default
     *     {@link #DEFAULT_MAX_RETRY_AFTER})
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The most one dataset run may spend waiting on {@code Retry-After} and back-off in total; a wait that would
     * go past it fails the dataset the same way.
     *
     * @return the total waiting budget of one dataset run; not negative (default {@link #DEFAULT_MAX_WAIT_PER_DATASET})
     */
    public Duration maxWaitPerDataset() {
        return maxWaitPerDataset;
    }

    /**
     * The most pages one paged read (a list, a delta round, a {@code $batch} item's next links) may follow; past
     * it the dataset fails. When a page carries {@code @odata.count}, the bound is also derived from it: twice the
     * pages that count needs at the first page's size, plus ten.
     *
     * @return the most pages one paged read may follow; at least 1 (default {@link #DEFAULT_MAX_PAGES})
     */
    public int maxPages() {
        return maxPages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphLimits other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Every setting, for logs and support. */
    @Override
    public String toString() {
        return "GraphLimits{tenantRequestsPerSecond=" + tenantRequestsPerSecond + ", tenantBurst=" + tenantBurst
                + ", tenantConcurrency=" + tenantConcurrency + ", globalConcurrency=" + globalConcurrency
                + ", maxAttempts=" + maxAttempts + ", throttledAttempts=" + throttledAttempts
                + ", backoffBase=" + backoffBase + ", backoffMax=" + backoffMax
                + ", tokenRenewBefore=" + tokenRenewBefore + ", maxRetryAfter=" + maxRetryAfter
                + ", maxWaitPerDataset=" + maxWaitPerDataset + ", maxPages=" + maxPages + "}";
    }

    /**
     * Builds {@link GraphLimits}; from {@link GraphLimits#custom()} or {@link GraphLimits#from(GraphLimits)}. Not
     * thread-safe. Each setter throws {@link IllegalArgumentException} naming the field and the value when the
     * value is out of range (null included).
     */
    public static final class Builder {
        private double tenantRequestsPerSecond = 25;
        private int tenantBurst = 50;
        private int tenantConcurrency = 4;
        private int globalConcurrency = 64;
        private int maxAttempts = 8;
        private int throttledAttempts = 50;
        private Duration backoffBase = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofMinutes(2);
        private Duration tokenRenewBefore = Duration.ofMinutes(5);
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration maxWaitPerDataset = DEFAULT_MAX_WAIT_PER_DATASET;
        private int maxPages = DEFAULT_MAX_PAGES;

        private Builder() {}

        private Builder(GraphLimits base) {
            this.tenantRequestsPerSecond = base.tenantRequestsPerSecond;
            this.tenantBurst = base.tenantBurst;
            this.tenantConcurrency = base.tenantConcurrency;
            this.globalConcurrency = base.globalConcurrency;
            this.maxAttempts = base.maxAttempts;
            this.throttledAttempts = base.throttledAttempts;
            this.backoffBase = base.backoffBase;
            this.backoffMax = base.backoffMax;
            this.tokenRenewBefore = base.tokenRenewBefore;
            this.maxRetryAfter = base.maxRetryAfter;
            this.maxWaitPerDataset = base.maxWaitPerDataset;
            this.maxPages = base.maxPages;
        }

        /**
         * See {@link GraphLimits#tenantRequestsPerSecond()} (default 25); must be positive.
         *
         * @param requestsPerSecond the steady rate in requests per second for one tenant; positive and finite
         * @return this builder
         * @throws IllegalArgumentException if {@code requestsPerSecond} is zero, negative, infinite or NaN
         */
        public Builder tenantRequestsPerSecond(double requestsPerSecond) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException(
                        "tenantRequestsPerSecond must be positive and finite, was " + requestsPerSecond);
            }
            this.tenantRequestsPerSecond = requestsPerSecond;
            return this;
        }

        /**
         * See {@link GraphLimits#tenantBurst()} (default 50); at least 1.
         *
         * @param burst the number of requests a tenant may send at once; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code burst} is below 1
         */
        public Builder tenantBurst(int burst) {
            this.tenantBurst = atLeastOne("tenantBurst", burst);
            return this;
        }

        /**
         * See {@link GraphLimits#tenantConcurrency()} (default 4); at least 1, at most {@code globalConcurrency}.
         *
         * @param concurrency the requests in flight at once per tenant; at least 1 (checked against
         *     {@code globalConcurrency} by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code concurrency} is below 1
         */
        public Builder tenantConcurrency(int concurrency) {
            this.tenantConcurrency = atLeastOne("tenantConcurrency", concurrency);
            return this;
        }

        /**
         * See {@link GraphLimits#globalConcurrency()} (default 64); at least {@code tenantConcurrency}.
         *
         * @param concurrency the requests in flight at once across all tenants; at least 1 (checked against
         *     {@code tenantConcurrency} by {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code concurrency} is below 1
         */
        public Builder globalConcurrency(int concurrency) {
            this.globalConcurrency = atLeastOne("globalConcurrency", concurrency);
            return this;
        }

        /**
         * See {@link GraphLimits#maxAttempts()} (default 8); at least 1.
         *
         * @param attempts the attempts per failing request, the first included; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is below 1
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = atLeastOne("maxAttempts", attempts);
            return this;
        }

        /**
         * See {@link GraphLimits#throttledAttempts()} (default 50); at least 1.
         *
         * @param attempts the consecutive throttled answers a request may get and still be retried; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is below 1
         */
        public Builder throttledAttempts(int attempts) {
            this.throttledAttempts = atLeastOne("throttledAttempts", attempts);
            return this;
        }

        /**
         * See {@link GraphLimits#backoffBase()} (default 1 s); positive, at most {@code backoffMax}.
         *
         * @param base the first back-off; positive and not null (checked against {@code backoffMax} by
         *     {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code base} is null, zero or negative
         */
        public Builder backoffBase(Duration base) {
            this.backoffBase = positive("backoffBase", base);
            return this;
        }

        /**
         * See {@link GraphLimits#backoffMax()} (default 2 min); positive, at least {@code backoffBase}.
         *
         * @param max the longest single back-off; positive and not null (checked against {@code backoffBase} by
         *     {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is null, zero or negative
         */
        public Builder backoffMax(Duration max) {
            this.backoffMax = positive("backoffMax", max);
            return this;
        }

        /**
         * See {@link GraphLimits#tokenRenewBefore()} (default 5 min); not negative.
         *
         * @param before how long before its expiry a cached token is renewed; not null, zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code before} is null or negative
         */
        public Builder tokenRenewBefore(Duration before) {
            this.tokenRenewBefore = notNegative("tokenRenewBefore", before);
            return this;
        }

        /**
         * See {@link GraphLimits#maxRetryAfter()} (default 5 min); not negative.
         *
         * @param max the longest single {@code Retry-After} wait to honour; not null, zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is null or negative
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = notNegative("maxRetryAfter", max);
            return this;
        }

        /**
         * See {@link GraphLimits#maxWaitPerDataset()} (default 15 min); not negative.
         *
         * @param max the total waiting budget of one dataset run; not null, zero or positive
         * @return this builder
         * @throws IllegalArgumentException if {@code max} is null or negative
         */
        public Builder maxWaitPerDataset(Duration max) {
            this.maxWaitPerDataset = notNegative("maxWaitPerDataset", max);
            return this;
        }

        /**
         * See {@link GraphLimits#maxPages()} (default 20,000); at least 1.
         *
         * @param pages the most pages one paged read may follow; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code pages} is below 1
         */
        public Builder maxPages(int pages) {
            this.maxPages = atLeastOne("maxPages", pages);
            return this;
        }

        /**
         * The limits.
         *
         * @return the new, immutable limits; never null
         * @throws IllegalArgumentException when {@code globalConcurrency} is below {@code tenantConcurrency}, or
         *     {@code backoffMax} below {@code backoffBase}, naming both fields and their values
         */
        public GraphLimits build() {
            if (globalConcurrency < tenantConcurrency) {
                throw new IllegalArgumentException("globalConcurrency must be at least tenantConcurrency ("
                        + tenantConcurrency + "), was " + globalConcurrency);
            }
            if (backoffMax.compareTo(backoffBase) < 0) {
                throw new IllegalArgumentException(
                        "backoffMax must be at least backoffBase (" + backoffBase + "), was " + backoffMax);
            }
            return new GraphLimits(this);
        }

        private static int atLeastOne(String field, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(field + " must be at least 1, was " + value);
            }
            return value;
        }

        static Duration positive(String field, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, was " + d);
            }
            return d;
        }

        static Duration notNegative(String field, Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(field + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
