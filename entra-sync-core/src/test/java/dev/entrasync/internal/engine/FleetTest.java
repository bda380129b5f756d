package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.GraphLimits;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStatus;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testing.ScaledTime;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fleet of 200 small tenants and 2 large ones, on scaled simulated time with throttling on: every
 * job succeeds, no tenant exceeds its budget in any 10 s window, and the small tenants are not held
 * back by the large ones.
 */
class FleetTest {

    private static final double RATE = 1.0; // requests per second per tenant (simulated time)
    private static final int BURST = 3;

    @Test
    void aFleetStaysInsideItsBudgetsAndSmallTenantsAreNotHeldBack() throws Exception {
        ScaledTime time = new ScaledTime(Instant.parse("2026-11-22T08:00:00Z"), 20);
        try (SimulatedCloud cloud = SimulatedCloud.start()) {
            cloud.clock(time);
            SimulatedApp app = cloud.registerApp(SimulatedCloudFixture.CLIENT_ID, SimulatedCloudFixture.SECRET);
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(dev.entrasync.AppCredential.builder()
                    .name("msp")
                    .cloud(dev.entrasync.Cloud.custom(cloud.loginUrl(), cloud.graphUrl()))
                    .homeTenant(SimulatedCloudFixture.HOME_TENANT)
                    .clientId(SimulatedCloudFixture.CLIENT_ID)
                    .secret(SimulatedCloudFixture.SECRET)
                    .build());
            InMemoryTenantMapper mapper = new InMemoryTenantMapper();
            List<String> large = new ArrayList<>();
            for (int i = 0; i < 202; i++) {
                boolean big = i < 2;
                SimulatedTenant tenant = cloud.addTenant(TenantBuilder.create("Tenant" + i)
                        .seed(i)
                        .users(big ? 12_000 : 10 + i % 40)
                        .guests(0)
                        .build());
                tenant.consent(app, Permissions.allRead());
                mapper.map(new TenantMapping(
                        "company-" + i,
                        TenantId.of(tenant.id()),
                        "msp",
                        "Tenant" + i,
                        null,
                        EnumSet.of(Dataset.USERS),
                        false));
                if (big) {
                    large.add(tenant.id());
                }
            }
            cloud.faults().throttleEvery(7, 2);
            List<String> finishedOrder = new CopyOnWriteArrayList<>();
            CountDownLatch smallDone = new CountDownLatch(200);
            // The large tenants cannot complete until every small tenant has finished: were small
            // tenants queued behind large ones, this would never happen and the large jobs would fail.
            RecordingSink sink = new RecordingSink();
            RecordingSink.Gate largeHeld =
                    sink.holdCompletions(c -> large.contains(c.tenant().value()));
            SyncListener order = new SyncListener() {
                @Override
                public void jobFinished(SyncJob job) {
                    finishedOrder.add(job.tenant().value());
                    if (!large.contains(job.tenant().value())) {
                        smallDone.countDown();
                        if (smallDone.getCount() == 0) {
                            largeHeld.release();
                        }
                    }
                }
            };
            InMemoryJobStore jobs = new InMemoryJobStore();
            try (EntraSync entra = EntraSync.builder()
                            .credentials(credentials)
                            .clock(time)
                            .sleeper(time)
                            .limits(GraphLimits.custom()
                                    .tenantRequestsPerSecond(RATE)
                                    .tenantBurst(BURST)
                                    .build())
                            .build();
                    SyncEngine engine = entra.engine()
                            .tenants(mapper)
                            .sink(sink)
                            .jobs(jobs)
                            .config(SyncConfig.custom().workers(8).build())
                            .listener(order)
                            .build()) {

                List<SyncJob> queued = engine.syncAllNow();
                List<SyncJob> finished = new ArrayList<>();
                for (SyncJob job : queued) {
                    finished.add(engine.await(job.id(), Duration.ofMinutes(3)));
                }

                assertThat(finished)
                        .hasSize(202)
                        .allSatisfy(j -> assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED));
                assertThat(finished.stream()
                                .mapToLong(j ->
                                        j.result(Dataset.USERS).orElseThrow().throttledResponses())
                                .sum())
                        .isPositive();
                // The large tenants, queued first and still running, are the last to finish: 200 small ones flowed
                // past.
                assertThat(finishedOrder.subList(200, 202)).containsExactlyInAnyOrderElementsOf(large);
                assertThat(finished.stream()
                                .filter(j -> large.contains(j.tenant().value())))
                        .allSatisfy(j -> assertThat(
                                        j.result(Dataset.USERS).orElseThrow().rowsUpserted())
                                .isEqualTo(12_000));
            }
            // The directory budget: what Graph counts against it (a $batch's items, not its envelope);
            // the MFA report is paced by its own, smaller reports budget. A $batch takes one permit per
            // item but its items arrive together, so a window may also hold the permits a batch
            // waited for just before it.
            long largestBatch = cloud.graphCalls().stream()
                    .filter(RecordedCall::batchItem)
                    .mapToLong(c -> Long.parseLong(c.batchItemId()))
                    .max()
                    .orElse(1);
            Map<String, List<Instant>> perTenant = cloud.graphCalls().stream()
                    .filter(c -> !c.path().equals("/v1.0/$batch") && !c.path().startsWith("/v1.0/reports/"))
                    .collect(Collectors.groupingBy(
                            RecordedCall::tenantId, Collectors.mapping(RecordedCall::timestamp, Collectors.toList())));
            perTenant.forEach((tenant, times) -> {
                List<Instant> sorted = times.stream().sorted().toList();
                for (Instant from : sorted) {
                    long inWindow = sorted.stream()
                            .filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(10)))
                            .count();
                    assertThat(inWindow)
                            .as("requests of %s in the 10 s from %s", tenant, from)
                            .isLessThanOrEqualTo((long) (BURST + RATE * 10) + 1 + (largestBatch - 1));
                }
            });
            // The identity reports (the MFA report, audit logs) stay inside Graph's 5 requests per 10 s per tenant, as
            // Graph counts them: on arrival. The engine counts a reports permit until 10 s after its request's answer,
            // which comes after the arrival on the same clock, so this holds however late a loaded machine delivers a
            // request (on time scaled 20 times, 100 ms of delay moves an arrival by 2 s).
            Map<String, List<Instant>> reports = cloud.graphCalls().stream()
                    .filter(c -> !c.batchItem())
                    .filter(c ->
                            c.path().startsWith("/v1.0/reports/") || c.path().startsWith("/v1.0/auditLogs/"))
                    .collect(Collectors.groupingBy(
                            RecordedCall::tenantId, Collectors.mapping(RecordedCall::timestamp, Collectors.toList())));
            reports.forEach((tenant, times) -> {
                List<Instant> sorted = times.stream().sorted().toList();
                for (Instant from : sorted) {
                    long inWindow = sorted.stream()
                            .filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(10)))
                            .count();
                    assertThat(inWindow)
                            .as("report requests of %s in the 10 s from %s", tenant, from)
                            .isLessThanOrEqualTo(5);
                }
            });
        }
    }
}
