package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.GraphLimits;
import dev.entrasync.internal.limit.TokenBucket;
import dev.entrasync.testing.FakeTime;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission on its own: the budgets and bulkheads one attempt goes through, on fake time. */
class AdmissionTest {

    private final FakeTime time = new FakeTime();
    /** One request a second per tenant, no burst beyond one; four in flight per tenant. */
    private final GraphLimits limits = GraphLimits.custom()
            .tenantRequestsPerSecond(1)
            .tenantBurst(1)
            .tenantConcurrency(4)
            .globalConcurrency(8)
            .build();

    private final TenantBudget budget = new TenantBudget("contoso", limits, time, time);
    private final Bulkhead global = Bulkhead.of(
            "test-global", BulkheadConfig.custom().maxConcurrentCalls(8).build());
    private final Admission admission = new Admission(new TokenBucket(1000, 1000, time, time), global, budget);
    private final RequestStats stats = new RequestStats();

    private static GraphRequest get(String path) {
        return GraphRequest.get(URI.create("https://graph.example/v1.0/" + path), Priority.LOW, List.of());
    }

    @Test
    void aBatchTakesOnePermitPerRequestInsideItAndTheWaitIsCounted() throws Exception {
        GraphRequest batch = GraphRequest.batch(
                URI.create("https://graph.example/v1.0/$batch"), new byte[0], Priority.LOW, List.of(), 3);

        assertThat(admission.admit(batch, stats, () -> "sent")).isEqualTo("sent");

        assertThat(stats.limiterWaited()).isEqualTo(Duration.ofSeconds(2));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(stats.requests()).isEqualTo(1);
    }

    @Test
    void aReportsPermitCountsFromWhenItsRequestWasAnsweredNotFromWhenItWasGranted() throws Exception {
        // The first request reaches Graph 5 s after its permit was granted (its thread woke late, it waited for the
        // tenant's bulkhead or for a token); the next four go at once. Graph counts arrivals: a sixth request
        // granted 10 (or 12) s after the first permit would be the sixth arrival in the 10 s from the first one's.
        List<Instant> arrived = new ArrayList<>();
        GraphRequest report = get("reports/authenticationMethods/userRegistrationDetails");
        admission.admit(report, stats, () -> {
            time.advance(Duration.ofSeconds(5));
            return arrived.add(time.instant());
        });
        for (int i = 0; i < 5; i++) {
            admission.admit(report, stats, () -> arrived.add(time.instant()));
        }

        for (Instant from : arrived) {
            assertThat(arrived.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(10))))
                    .as("reports requests Graph sees in the 10 s from %s: %s", from, arrived)
                    .hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void theBulkheadsAreHeldWhileTheCallRunsAndReleasedWhenItFails() {
        int[] inFlight = new int[3];
        assertThatThrownBy(() -> admission.admit(get("security/secureScores"), stats, () -> {
                    inFlight[0] = global.getMetrics().getAvailableConcurrentCalls();
                    inFlight[1] = budget.concurrency().getMetrics().getAvailableConcurrentCalls();
                    inFlight[2] = budget.securityConcurrency().getMetrics().getAvailableConcurrentCalls();
                    throw new IllegalStateException("the call failed");
                }))
                .hasMessage("the call failed");

        assertThat(inFlight).containsExactly(7, 3, 3);
        assertThat(global.getMetrics().getAvailableConcurrentCalls()).isEqualTo(8);
        assertThat(budget.concurrency().getMetrics().getAvailableConcurrentCalls())
                .isEqualTo(4);
        assertThat(budget.securityConcurrency().getMetrics().getAvailableConcurrentCalls())
                .isEqualTo(4);
    }

    @Test
    void onlySecurityRequestsTakeTheSecurityBulkhead() throws Exception {
        int available = admission.admit(
                get("users"),
                stats,
                () -> budget.securityConcurrency().getMetrics().getAvailableConcurrentCalls());

        assertThat(available).isEqualTo(4);
    }

    @Test
    void theTenantsRateFollowsGraphsPressureAndRecoversOnCalmAnswers() {
        double ceiling = budget.directoryRate();

        admission.heard(429, null);
        assertThat(budget.directoryRate()).isEqualTo(ceiling / 2);
        admission.heard(200, null);
        assertThat(budget.directoryRate()).isCloseTo(ceiling * 0.55, org.assertj.core.data.Offset.offset(1e-9));
        admission.heard(200, " 1.6 ");
        assertThat(budget.directoryRate()).isEqualTo(ceiling * 0.5);
        admission.heard(200, "lots");
        assertThat(budget.directoryRate())
                .as("an unreadable hint is ignored, and is no calm answer either")
                .isEqualTo(ceiling * 0.5);
        admission.heard(404, null);
        assertThat(budget.directoryRate()).isEqualTo(ceiling * 0.5);
    }
}
