package dev.entrasync.internal.graph;

import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import dev.entrasync.internal.auth.TenantIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * When a Graph request (or a round of {@code $batch} items) is sent again, and after how long: a pure function of the
 * attempt's {@link Outcome}, the attempts so far ({@link History}), how long the dataset has already waited and the
 * time now. It sends nothing and sleeps never; the caller waits (through its {@code Sleeper}) and sends again, or throws
 * the failure it is given.
 *
 * <p>Throttling (a 429, or a 503 with {@code Retry-After}) and failures (another 5xx, a body cut off, a dropped
 * connection) have their own budgets ({@link GraphLimits#throttledAttempts()}, {@link GraphLimits#maxAttempts()}): Graph
 * says a throttled request is to be sent again after the wait. The wait is Graph's {@code Retry-After} when it gave
 * one, else exponential back-off from {@link GraphLimits#backoffBase()} up to {@link GraphLimits#backoffMax()} with
 * jitter (half the ceiling plus a random part of the other half). A {@code Retry-After} longer than
 * {@link GraphLimits#maxRetryAfter()}, or a wait that takes the dataset's waits past
 * {@link GraphLimits#maxWaitPerDataset()}, stops with a {@link ThrottledException} instead. Everything else stops at
 * once with its failure. Built once per {@link TenantGraph}; immutable and thread-safe.
 */
final class RetryPolicy {

    private final String tenant;
    private final GraphLimits limits;
    private final LongUnaryOperator jitter;

    /** With random jitter. */
    RetryPolicy(String tenant, GraphLimits limits) {
        this(tenant, limits, bound -> ThreadLocalRandom.current().nextLong(bound));
    }

    /**
     * @param jitter given {@code n > 0}, a number from 0 to {@code n - 1}: the random part of a back-off, in ms
     */
    RetryPolicy(String tenant, GraphLimits limits, LongUnaryOperator jitter) {
        this.tenant = tenant;
        this.limits = limits;
        this.jitter = jitter;
    }

    /** Attempts that failed so far, by budget. Immutable. */
    record History(int failures, int throttles) {

        static final History NONE = new History(0, 0);

        int attempts() {
            return failures + throttles;
        }

        History failed() {
            return new History(failures + 1, throttles);
        }

        History throttled() {
            return new History(failures, throttles + 1);
        }
    }

    /** What the policy decided. */
    sealed interface Decision {}

    /**
     * Send again after {@code delay}.
     *
     * @param askedByGraph the delay is Graph's {@code Retry-After} (else it is back-off)
     * @param history the attempts so far, this one included: pass it with the next outcome
     */
    record Retry(Duration delay, boolean askedByGraph, History history) implements Decision {}

    /** Do not send again: throw {@code failure}. */
    record Stop(RuntimeException failure) implements Decision {}

    /** What is sent again, for the messages of its failures. */
    interface Subject {

        /** What a wait's message names: {@code /v1.0/users?$select=id}, {@code 3 $batch requests (first: …)}. */
        String what();

        /** The failure when the attempt budget is spent. */
        GraphException gaveUp(String tenant, History history, GraphException last);

        /** The failure when Graph could not be reached after {@code attempts} attempts. */
        GraphException unreachable(String tenant, int attempts, Throwable cause);

        /** One Graph request. */
        static Subject request(GraphRequest request) {
            String path = request.describe();
            return new Subject() {
                @Override
                public String what() {
                    return path;
                }

                @Override
                public GraphException gaveUp(String tenant, History history, GraphException last) {
                    return new GraphException(
                            "Gave up on " + path + " in tenant " + tenant + " after "
                                    + history.attempts() + " attempts (" + history.throttles() + " throttled); last: "
                                    + last.getMessage(),
                            last.status(),
                            last.errorCode().orElse(null),
                            TenantIds.orNull(tenant),
                            path,
                            true,
                            last);
                }

                @Override
                public GraphException unreachable(String tenant, int attempts, Throwable cause) {
                    return new GraphException(
                            "Graph could not be reached for " + path + " in tenant " + tenant
                                    + " after " + attempts + " attempts (" + rootMessage(cause)
                                    + "). Check the network, proxy"
                                    + " and TLS settings; the sync can be retried.",
                            0,
                            null,
                            TenantIds.orNull(tenant),
                            path,
                            true,
                            cause);
                }
            };
        }

        /**
         * {@code $batch} items resent together.
         *
         * @param items how many
         * @param firstUrl the first one's URL relative to {@code /v1.0}
         */
        static Subject batchItems(int items, String firstUrl) {
            String what = items + " $batch request" + (items == 1 ? "" : "s") + " (first: /v1.0" + firstUrl + ")";
            return new Subject() {
                @Override
                public String what() {
                    return what;
                }

                @Override
                public GraphException gaveUp(String tenant, History history, GraphException last) {
                    return new GraphException(
                            "Gave up on " + items + " $batch requests in tenant " + tenant + " after "
                                    + history.attempts() + " attempts; last: " + last.getMessage(),
                            last.status(),
                            last.errorCode().orElse(null),
                            TenantIds.orNull(tenant),
                            "/$batch",
                            true,
                            last);
                }

                @Override
                public GraphException unreachable(String tenant, int attempts, Throwable cause) {
                    return new GraphException(
                            "Graph could not be reached for " + what + " in tenant " + tenant
                                    + " after " + attempts + " attempts (" + rootMessage(cause)
                                    + "). Check the network, proxy"
                                    + " and TLS settings; the sync can be retried.",
                            0,
                            null,
                            TenantIds.orNull(tenant),
                            "/$batch",
                            true,
                            cause);
                }
            };
        }
    }

    /**
     * What to do after an attempt that did not succeed.
     *
     * @param history the attempts before this one
     * @param waited how long the dataset has waited on {@code Retry-After} and back-off so far
     * @param now the time now (a stopped wait's {@link ThrottledException#retryAt()} is counted from it)
     * @throws IllegalArgumentException for a {@link Outcome.Success}: there is nothing to decide
     */
    Decision decide(Subject subject, Outcome<?> outcome, History history, Duration waited, Instant now) {
        if (outcome instanceof Outcome.Success<?>) {
            throw new IllegalArgumentException("a success is not retried");
        }
        if (outcome instanceof Outcome.Refused<?> refused) {
            return new Stop(refused.failure());
        }
        if (outcome instanceof Outcome.Broken<?> broken) {
            return new Stop(subject.unreachable(tenant, history.attempts() + 1, broken.cause()));
        }
        if (outcome instanceof Outcome.Dropped<?> dropped) {
            History next = history.failed();
            if (next.failures() >= limits.maxAttempts()) {
                return new Stop(subject.unreachable(tenant, next.attempts(), dropped.cause()));
            }
            return waitOrStop(subject, backoff(next.attempts()), false, null, next, waited, now);
        }
        Outcome.Retryable<?> retryable = (Outcome.Retryable<?>) outcome;
        boolean throttled = retryable.throttled();
        History next = throttled ? history.throttled() : history.failed();
        if (throttled ? next.throttles() >= limits.throttledAttempts() : next.failures() >= limits.maxAttempts()) {
            return new Stop(subject.gaveUp(tenant, next, retryable.failure()));
        }
        Duration retryAfter = retryable.retryAfter();
        return waitOrStop(
                subject,
                retryAfter != null ? retryAfter : backoff(next.attempts()),
                retryAfter != null,
                retryable.failure(),
                next,
                waited,
                now);
    }

    /** The back-off before sending again after {@code attempt} failed attempts (1 for the first). */
    Duration backoff(int attempt) {
        long base = limits.backoffBase().toMillis();
        long ceiling = Math.min(limits.backoffMax().toMillis(), base << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + jitter.applyAsLong(ceiling / 2 + 1));
    }

    /** A wait, unless Graph asked for longer than the cap or the wait takes the dataset past its total. */
    private Decision waitOrStop(
            Subject subject,
            Duration wait,
            boolean askedByGraph,
            GraphException last,
            History next,
            Duration waited,
            Instant now) {
        String what = subject.what();
        Instant end = now.plus(wait);
        Instant retryAt =
                end.getNano() == 0 ? end : end.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        String answer = last == null
                ? "a dropped connection"
                : last.status() + last.errorCode().map(c -> " " + c).orElse("");
        int status = last == null ? 0 : last.status();
        String code = last == null ? null : last.errorCode().orElse(null);
        if (askedByGraph && wait.compareTo(limits.maxRetryAfter()) > 0) {
            return new Stop(new ThrottledException(
                    "Graph asked tenant " + tenant + " to wait " + Waits.describe(wait)
                            + " before sending " + what + " again (" + answer
                            + "); the dataset was stopped instead, because a"
                            + " single wait is capped at " + Waits.describe(limits.maxRetryAfter())
                            + " (GraphLimits.maxRetryAfter)."
                            + " Nothing from this run of the dataset was kept and the job went on with the next one; it will be"
                            + " tried again at the next run after " + retryAt
                            + ", when Graph said to try again. If this"
                            + " recurs, sync the tenant less often.",
                    status,
                    code,
                    tenant,
                    what,
                    retryAt,
                    last));
        }
        if (waited.plus(wait).compareTo(limits.maxWaitPerDataset()) > 0) {
            return new Stop(new ThrottledException(
                    (askedByGraph
                                    ? "Graph asked tenant " + tenant + " to wait " + Waits.describe(wait)
                                            + " before sending " + what + " again (" + answer + ")"
                                    : "Retrying " + what + " in tenant " + tenant + " after " + answer
                                            + " needed a back-off of " + Waits.describe(wait))
                            + ", but this dataset had already waited " + Waits.describe(waited)
                            + " on throttling and back-off in this run, and one dataset may wait at most "
                            + Waits.describe(limits.maxWaitPerDataset())
                            + " in total (GraphLimits.maxWaitPerDataset). The dataset"
                            + " was stopped: nothing from this run of it was kept and the job went on with the next one; it will"
                            + " be tried again at the next run after " + retryAt
                            + ". If this recurs, sync the tenant less often.",
                    status,
                    code,
                    tenant,
                    what,
                    retryAt,
                    last));
        }
        return new Retry(wait, askedByGraph, next);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
