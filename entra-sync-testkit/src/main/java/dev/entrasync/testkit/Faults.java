package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.CloudState;
import dev.entrasync.testkit.internal.FaultAction;
import dev.entrasync.testkit.internal.FaultAction.Kind;
import dev.entrasync.testkit.internal.FaultPlan;
import java.util.Objects;

/**
 * Switches faults of the simulated cloud on and off: Graph throttling and failures, pages that
 * cannot be read or whose links point elsewhere, token errors, expired delta tokens. Obtained from {@link SimulatedCloud#faults()}, which applies to every
 * tenant and path; {@link #forTenant(String)} and {@link #forPath(String)} return views whose Graph
 * faults only hit matching requests. Path prefixes include the version, e.g.
 * {@code /v1.0/users}; {@code $batch} items are matched by their own path. When several faults
 * match a request the one switched on first wins. Thread-safe.
 */
public final class Faults {
    private final CloudState cloud;
    private final String tenantId;
    private final String pathPrefix;

    Faults(CloudState cloud, String tenantId, String pathPrefix) {
        this.cloud = cloud;
        this.tenantId = tenantId;
        this.pathPrefix = pathPrefix;
    }

    private FaultPlan plan() {
        return cloud.faults();
    }

    /** Returns a view whose Graph faults only hit requests of this tenant (GUID). */
    public Faults forTenant(String tenantId) {
        return new Faults(cloud, Objects.requireNonNull(tenantId, "tenantId"), pathPrefix);
    }

    /** Returns a view whose Graph faults only hit paths starting with this prefix. */
    public Faults forPath(String pathPrefix) {
        return new Faults(cloud, tenantId, Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    /** Answers every {@code n}-th matching Graph request with 429 and this Retry-After. */
    public Faults throttleEvery(int n, double retryAfterSeconds) {
        positive(n, "n");
        plan().add(tenantId, pathPrefix, throttle(retryAfterSeconds, false), n, 0);
        return this;
    }

    /**
     * Answers each matching Graph request with 429 and this Retry-After with probability
     * {@code fraction}, independently, from a random source seeded with {@code seed} (so a run is
     * repeatable when requests arrive in the same order). {@code $batch} items are drawn one by
     * one. Lasts until {@link #clear()}.
     *
     * @param fraction above 0 and below 1, e.g. 0.3 for 30 % of responses
     */
    public Faults throttleFraction(double fraction, double retryAfterSeconds, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be above 0 and below 1, was " + fraction);
        }
        plan().addRandom(tenantId, pathPrefix, throttle(retryAfterSeconds, false), fraction, seed);
        return this;
    }

    /** Answers the next {@code count} matching Graph requests with 429 and this Retry-After. */
    public Faults throttleNext(int count, double retryAfterSeconds) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, throttle(retryAfterSeconds, false), 0, count);
        return this;
    }

    /** Like {@link #throttleNext(int, double)} with Retry-After as an HTTP date. */
    public Faults throttleNextWithHttpDate(int count, double retryAfterSeconds) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, throttle(retryAfterSeconds, true), 0, count);
        return this;
    }

    /** Answers the next {@code count} matching Graph requests with 503 and this Retry-After. */
    public Faults unavailableNext(int count, double retryAfterSeconds) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.STATUS, 503, retryAfterSeconds, false), 0, count);
        return this;
    }

    /** Answers the next {@code count} matching Graph requests with this status (e.g. 500). */
    public Faults failNext(int count, int status) {
        positive(count, "count");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.STATUS, status, -1, false), 0, count);
        return this;
    }

    /** Answers the next matching Graph request that succeeds with a truncated JSON body. */
    public Faults malformedNext() {
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.MALFORMED, 200, -1, false), 0, 1);
        return this;
    }

    /**
     * Answers the next {@code count} matching Graph requests with 429 and this {@code Retry-After}
     * header sent verbatim, e.g. {@code "-5"} or {@code "soon"} (which a client cannot use), or
     * {@code "86400"} (a day).
     */
    public Faults throttleNextWithRetryAfter(int count, String retryAfter) {
        positive(count, "count");
        Objects.requireNonNull(retryAfter, "retryAfter");
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.THROTTLE, 429, 0, false, retryAfter), 0, count);
        return this;
    }

    /**
     * Answers every matching Graph request with 429 and this Retry-After (in seconds, e.g. 86400
     * for a day) until {@link #clear()}.
     */
    public Faults throttleAlways(double retryAfterSeconds) {
        plan().add(tenantId, pathPrefix, throttle(retryAfterSeconds, false), 1, 0);
        return this;
    }

    /**
     * Cuts off the body of the next matching Graph request's successful answer: the headers promise
     * the whole body, and the connection closes part-way through it (the client sees an I/O error,
     * unlike {@link #malformedNext()}, whose shortened body arrives whole).
     */
    public Faults cutOffNext() {
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.CUT_OFF, 200, -1, false), 0, 1);
        return this;
    }

    /** Removes the {@code id} of the first object in the next matching successful page. */
    public Faults itemWithoutIdNext() {
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.ITEM_WITHOUT_ID, 200, -1, false), 0, 1);
        return this;
    }

    /** Makes the {@code value} of the next matching successful page an object instead of an array. */
    public Faults valueNotArrayNext() {
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.VALUE_NOT_ARRAY, 200, -1, false), 0, 1);
        return this;
    }

    /**
     * Gives the next {@code count} matching successful pages an {@code @odata.nextLink} to their own
     * URL (a page that links to itself, so a client that follows it verbatim never stops), in place
     * of any delta link.
     */
    public Faults nextLinkToSelf(int count) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.NEXT_LINK, 200, -1, false), 0, count);
        return this;
    }

    /**
     * Gives the next {@code count} matching successful pages this {@code @odata.nextLink}, in place
     * of any delta link: a link to another origin (host, port or scheme), or back to an earlier page
     * to make a cycle.
     */
    public Faults nextLinkTo(int count, String url) {
        positive(count, "count");
        plan().add(
                        tenantId,
                        pathPrefix,
                        new FaultAction(Kind.NEXT_LINK, 200, -1, false, Objects.requireNonNull(url, "url")),
                        0,
                        count);
        return this;
    }

    /**
     * Gives the next {@code count} matching successful pages that end a delta round (those without
     * a next link) this {@code @odata.deltaLink}, e.g. one to another origin.
     */
    public Faults deltaLinkTo(int count, String url) {
        positive(count, "count");
        plan().add(
                        tenantId,
                        pathPrefix,
                        new FaultAction(Kind.DELTA_LINK, 200, -1, false, Objects.requireNonNull(url, "url")),
                        0,
                        count);
        return this;
    }

    /**
     * Adds {@code @odata.count} with this value to the next {@code count} matching successful pages
     * (a collection that says it is smaller, or larger, than the pages that follow).
     */
    public Faults odataCountNext(int count, long value) {
        positive(count, "count");
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0, was " + value);
        }
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.COUNT, 200, -1, false, Long.toString(value)), 0, count);
        return this;
    }

    /**
     * Leaves {@code @odata.count} out of the next {@code count} matching successful answers (also items of a
     * {@code $batch}), as if Graph ignored {@code $count=true}.
     */
    public Faults withoutOdataCountNext(int count) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.NO_COUNT, 200, -1, false), 0, count);
        return this;
    }

    /**
     * Leaves {@code @odata.deltaLink} out of the next {@code count} matching successful pages: a delta round that
     * ends with neither a next link nor a delta link.
     */
    public Faults withoutDeltaLinkNext(int count) {
        positive(count, "count");
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.NO_DELTA_LINK, 200, -1, false), 0, count);
        return this;
    }

    /** Answers the next matching Graph request with a 302 redirect to {@code location}. */
    public Faults redirectNext(String location) {
        plan().add(
                        tenantId,
                        pathPrefix,
                        new FaultAction(Kind.REDIRECT, 302, -1, false, Objects.requireNonNull(location, "location")),
                        0,
                        1);
        return this;
    }

    /** Closes the connection instead of answering the next matching Graph request. */
    public Faults dropConnectionNext() {
        plan().add(tenantId, pathPrefix, new FaultAction(Kind.DROP_CONNECTION, 0, -1, false), 0, 1);
        return this;
    }

    /**
     * Makes every token request for a tenant fail with {@code error} until
     * {@link #clearTokenFailure(String)}; a null tenant means every tenant.
     */
    public Faults failTokens(String tenantId, AadError error) {
        plan().failTokens(tenantId, Objects.requireNonNull(error, "error"));
        return this;
    }

    /** Stops {@link #failTokens(String, AadError)} for a tenant (null: the every-tenant one). */
    public Faults clearTokenFailure(String tenantId) {
        plan().clearTokenFailure(tenantId);
        return this;
    }

    /** Answers the next {@code count} token requests (of this view's tenant) with a 5xx. */
    public Faults failNextTokens(int count, int status) {
        positive(count, "count");
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be 500..599, was " + status);
        }
        plan().addTokenServerError(tenantId, status, count);
        return this;
    }

    /**
     * Invalidates every delta token of a tenant handed out so far; tokens issued afterwards work.
     * Skip tokens inside a round are not affected.
     */
    public Faults expireDeltaTokens(String tenantId, DeltaTokenFailure failure) {
        plan().expireDeltaTokens(Objects.requireNonNull(tenantId, "tenantId"), cloud.lastDeltaSerial(), failure.mode());
        return this;
    }

    /** Same as {@link #expireDeltaTokens(String, DeltaTokenFailure)} with {@code GONE}. */
    public Faults expireDeltaTokens(String tenantId) {
        return expireDeltaTokens(tenantId, DeltaTokenFailure.GONE);
    }

    /**
     * Makes {@code /tenantRelationships/delegatedAdminCustomers} answer 403 for this (partner)
     * tenant until {@link #clear()}, so callers fall back to {@code /contracts}.
     */
    public Faults failGdap(String tenantId) {
        plan().failGdap(Objects.requireNonNull(tenantId, "tenantId"), true);
        return this;
    }

    /** Removes every fault of the cloud (not only this view's). */
    public Faults clear() {
        plan().clear();
        return this;
    }

    private static FaultAction throttle(double retryAfterSeconds, boolean httpDate) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
        return new FaultAction(Kind.THROTTLE, 429, retryAfterSeconds, httpDate);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
