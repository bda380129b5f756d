package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry policy on its own: outcome, attempts so far, waited so far and now in; a wait or a failure out. */
class RetryPolicyTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final GraphRequest USERS =
            GraphRequest.get(URI.create("https://graph.example/v1.0/users"), Priority.LOW, List.of("User.Read.All"));
    private static final RetryPolicy.Subject REQUEST = RetryPolicy.Subject.request(USERS);

    /** Three attempts on failures, four on throttling; back-off from 1 s to 2 min; waits capped at 5 and 15 min. */
    private final GraphLimits limits =
            GraphLimits.custom().maxAttempts(3).throttledAttempts(4).build();
    /** Jitter that always takes the most: back-off is its ceiling. */
    private final RetryPolicy policy = new RetryPolicy(TENANT, limits, n -> n - 1);

    private static Outcome<Object> answered(int status, Duration retryAfter) {
        return Outcome.retryable(GraphErrors.of(status, new GraphErrors.Body(null, ""), TENANT, USERS), retryAfter);
    }

    private static RetryPolicy.History history(int failures, int throttles) {
        return new RetryPolicy.History(failures, throttles);
    }

    private RetryPolicy.Decision decide(Outcome<?> outcome, RetryPolicy.History history) {
        return policy.decide(REQUEST, outcome, history, Duration.ZERO, NOW);
    }

    private static RuntimeException stopped(RetryPolicy.Decision decision) {
        assertThat(decision).isInstanceOf(RetryPolicy.Stop.class);
        return ((RetryPolicy.Stop) decision).failure();
    }

    @Test
    void aThrottledAnswerIsSentAgainAfterExactlyTheWaitGraphAskedFor() {
        assertThat(decide(answered(429, Duration.ofMillis(2500)), RetryPolicy.History.NONE))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofMillis(2500), true, history(0, 1)));
    }

    @Test
    void anAnswerWithoutRetryAfterBacksOffExponentiallyUpToTheLongestBackOff() {
        assertThat(decide(answered(500, null), RetryPolicy.History.NONE))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(1), false, history(1, 0)));
        assertThat(decide(answered(500, null), history(1, 0)))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(2), false, history(2, 0)));
        // throttled attempts count towards the back-off too: this is the fourth attempt
        assertThat(decide(answered(429, null), history(1, 2)))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(8), false, history(1, 3)));
        assertThat(policy.backoff(8)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoff(10_000)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void backOffJitterStaysBetweenHalfTheCeilingAndTheCeiling() {
        RetryPolicy least = new RetryPolicy(TENANT, limits, n -> 0);
        RetryPolicy random = new RetryPolicy(TENANT, limits);

        assertThat(least.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(least.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 200; i++) {
            assertThat(random.backoff(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void throttlingAndFailuresHaveTheirOwnBudgets() {
        // two failures spent, yet a throttled answer is still sent again, and the other way round
        assertThat(decide(answered(429, Duration.ofSeconds(1)), history(2, 0)))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(1), true, history(2, 1)));
        assertThat(decide(answered(500, null), history(1, 3))).isInstanceOf(RetryPolicy.Retry.class);

        RuntimeException throttledOut = stopped(decide(answered(429, Duration.ofSeconds(1)), history(2, 3)));
        assertThat(throttledOut)
                .isInstanceOf(GraphException.class)
                .isNotInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("Gave up on /v1.0/users in tenant " + TENANT
                        + " after 6 attempts (4 throttled);" + " last: Graph answered 429 for /v1.0/users");
        assertThat(((GraphException) throttledOut).status()).isEqualTo(429);
        assertThat(((GraphException) throttledOut).isTransient()).isTrue();

        assertThat(stopped(decide(answered(500, null), history(2, 3))))
                .hasMessageStartingWith("Gave up on /v1.0/users in tenant " + TENANT
                        + " after 6 attempts (3 throttled);" + " last: Graph answered 500");
    }

    @Test
    void a503IsThrottlingWhenItCarriesRetryAfterAndAFailureWhenItDoesNot() {
        assertThat(decide(answered(503, Duration.ofSeconds(3)), history(2, 0)))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(3), true, history(2, 1)));
        assertThat(stopped(decide(answered(503, null), history(2, 0))))
                .hasMessageContaining("after 3 attempts (0 throttled)");
    }

    @Test
    void aRetryAfterLongerThanTheCapStopsAtOnceWithWhenGraphSaidToTryAgain() {
        RuntimeException failure =
                stopped(decide(answered(429, Duration.ofMillis(86_400_500)), RetryPolicy.History.NONE));

        assertThat(failure)
                .isInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("Graph asked tenant " + TENANT + " to wait 86400.5 s before sending /v1.0/users"
                        + " again (429); the dataset was stopped instead")
                .hasMessageContaining("capped at 5 min (GraphLimits.maxRetryAfter)")
                .hasMessageContaining("tried again at the next run after 2026-11-23T08:00:01Z");
        ThrottledException throttled = (ThrottledException) failure;
        assertThat(throttled.retryAt()).isEqualTo(Instant.parse("2026-11-23T08:00:01Z"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.isTransient()).isTrue();
    }

    @Test
    void aWaitThatTakesTheDatasetPastItsTotalStopsAndOneThatReachesItExactlyWaits() {
        Duration total = limits.maxWaitPerDataset();

        assertThat(policy.decide(
                        REQUEST,
                        answered(429, Duration.ofSeconds(2)),
                        RetryPolicy.History.NONE,
                        total.minusSeconds(2),
                        NOW))
                .isInstanceOf(RetryPolicy.Retry.class);

        RuntimeException asked = stopped(policy.decide(
                REQUEST, answered(429, Duration.ofSeconds(2)), RetryPolicy.History.NONE, total.minusSeconds(1), NOW));
        assertThat(asked)
                .isInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("Graph asked tenant " + TENANT + " to wait 2 s before sending /v1.0/users again"
                        + " (429), but this dataset had already waited 899 s on throttling and back-off in this run")
                .hasMessageContaining("at most 15 min in total (GraphLimits.maxWaitPerDataset)");
        assertThat(((ThrottledException) asked).retryAt()).isEqualTo(NOW.plusSeconds(2));

        RuntimeException backedOff =
                stopped(policy.decide(REQUEST, answered(502, null), RetryPolicy.History.NONE, total, NOW));
        assertThat(backedOff)
                .isInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("Retrying /v1.0/users in tenant " + TENANT
                        + " after 502 needed a back-off of 1 s," + " but this dataset had already waited 15 min");
    }

    @Test
    void aDroppedConnectionIsSentAgainAfterBackOffUntilTheFailureBudgetIsSpent() {
        Outcome<Object> dropped = new Outcome.Dropped<>(new IOException(new SocketException("Connection reset")));

        assertThat(decide(dropped, history(1, 0)))
                .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(2), false, history(2, 0)));
        RuntimeException failure = stopped(decide(dropped, history(2, 0)));
        assertThat(failure)
                .isInstanceOf(GraphException.class)
                .hasMessage("Graph could not be reached for /v1.0/users in tenant " + TENANT + " after 3 attempts"
                        + " (SocketException: Connection reset). Check the network, proxy and TLS settings; the sync can"
                        + " be retried.");
        assertThat(((GraphException) failure).isTransient()).isTrue();

        RuntimeException pastTotal =
                stopped(policy.decide(REQUEST, dropped, RetryPolicy.History.NONE, limits.maxWaitPerDataset(), NOW));
        assertThat(pastTotal)
                .isInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("Retrying /v1.0/users in tenant " + TENANT + " after a dropped connection");
    }

    @Test
    void whatSendingAgainCannotFixStopsAtOnceWithItsFailureAsItIs() {
        GraphException notFound =
                GraphErrors.of(404, new GraphErrors.Body("Request_ResourceNotFound", "gone"), TENANT, USERS);

        assertThat(stopped(decide(Outcome.refused(notFound), RetryPolicy.History.NONE)))
                .isSameAs(notFound);
        assertThat(stopped(decide(new Outcome.Broken<>(new IllegalStateException("boom")), history(1, 1))))
                .hasMessageStartingWith("Graph could not be reached for /v1.0/users in tenant " + TENANT
                        + " after 3 attempts (IllegalStateException: boom)");
    }

    @Test
    void decidingIsPureTheSameInputsGiveTheSameDecision() {
        Outcome<Object> throttled = answered(429, Duration.ofSeconds(7));
        RetryPolicy.History before = history(1, 1);

        RetryPolicy.Decision first = decide(throttled, before);

        assertThat(decide(throttled, before)).isEqualTo(first);
        assertThat(before).isEqualTo(history(1, 1));
    }

    @Test
    void batchItemsAreNamedByHowManyAndTheFirstAndGiveUpOnTheBatch() {
        RetryPolicy.Subject one = RetryPolicy.Subject.batchItems(1, "/groups/g1/members");
        RetryPolicy.Subject three = RetryPolicy.Subject.batchItems(3, "/groups/g1/members");

        assertThat(one.what()).isEqualTo("1 $batch request (first: /v1.0/groups/g1/members)");
        assertThat(three.what()).isEqualTo("3 $batch requests (first: /v1.0/groups/g1/members)");
        RuntimeException failure =
                stopped(policy.decide(three, answered(500, null), history(2, 0), Duration.ZERO, NOW));
        assertThat(failure)
                .hasMessageStartingWith("Gave up on 3 $batch requests in tenant " + TENANT
                        + " after 3 attempts; last: Graph answered 500");
        assertThat(((GraphException) failure).requestPath()).contains("/$batch");
        assertThat(stopped(policy.decide(
                        three, answered(429, Duration.ofMinutes(6)), RetryPolicy.History.NONE, Duration.ZERO, NOW)))
                .hasMessageContaining(
                        "before sending 3 $batch requests (first:" + " /v1.0/groups/g1/members) again (429)");
    }
}
