package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.testing.ScaledTime;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two engines, each with its own {@link JdbcClusterScheduler}, over one database and one simulated cloud,
 * syncing 100 mapped tenants: every tenant exactly once per interval, and when one engine is closed
 * mid-interval the other finishes the interval's tenants. Time runs 10 times faster than real time (the
 * engine's interval is at least a minute), shared by the engines, their schedulers and the cloud.
 */
class ClusteredEnginesTest {

    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final long FACTOR = 10;
    /** How late after its slot a run may start: db-scheduler's polling plus a busy machine. */
    private static final Duration LAG = Duration.ofSeconds(30);

    /** Which engine finished which job. */
    private final Map<String, String> finishedBy = new ConcurrentHashMap<>();

    private SyncEngine engine(SimulatedHost host, JdbcClusterScheduler scheduler, String name) {
        SyncListener recorder = new SyncListener() {
            @Override
            public void jobFinished(SyncJob job) {
                finishedBy.put(job.id(), name);
            }
        };
        return host.engine()
                .config(SyncConfig.custom().interval(INTERVAL).build())
                .listener(recorder)
                .scheduler(scheduler)
                .build();
    }

    private static JdbcClusterScheduler scheduler(JdbcStorage storage, ScaledTime time, String name) {
        return JdbcClusterScheduler.builder(storage)
                .instanceName(name)
                .clock(time)
                .threads(4)
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMinutes(10))
                .housekeepingInterval(Duration.ofMinutes(10))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @DatabaseTest
    void twoEnginesSyncEachTenantOncePerIntervalAndOneFinishesWhenTheOtherCloses(TestDatabase db)
            throws InterruptedException {
        ScaledTime time = new ScaledTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)), FACTOR);
        JdbcStorage storage = db.storageBuilder().clock(time).build();
        try (SimulatedHost host = new SimulatedHost(storage, time, time)) {
            List<TenantId> tenants = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                SimulatedTenant simulated = host.tenant("Tenant" + i, 1, 0, 0);
                TenantId tenant = TenantId.of(simulated.id());
                storage.tenantMapper()
                        .map(new TenantMapping(
                                "company-" + i,
                                tenant,
                                "msp",
                                simulated.displayName(),
                                null,
                                EnumSet.of(Dataset.TENANT_PROFILE),
                                false));
                tenants.add(tenant);
            }
            SyncEngine a = engine(host, scheduler(storage, time, "engine-a"), "engine-a");
            SyncEngine b = engine(host, scheduler(storage, time, "engine-b"), "engine-b");
            Instant start = time.instant();
            a.start();
            b.start();
            Instant started = time.instant();
            try {
                time.sleepUntil(start.plus(INTERVAL.multipliedBy(3).dividedBy(2)));
                a.close();
                Instant closed = time.instant();
                time.sleepUntil(start.plus(INTERVAL.multipliedBy(3)).plus(LAG));
                b.close();

                int afterClose = 0;
                for (TenantId tenant : tenants) {
                    List<SyncJob> history = storage.jobStore().history(tenant, 0, 50);
                    List<SyncJob> runs = new ArrayList<>(history.stream()
                            .filter(j -> j.trigger() == SyncTrigger.SCHEDULED && j.status() == JobStatus.SUCCEEDED)
                            .toList());
                    runs.sort(Comparator.comparing(SyncJob::queuedAt));
                    assertThat(runs).as("scheduled runs of " + tenant).hasSizeGreaterThanOrEqualTo(2);
                    // The first run comes at the tenant's first slot, within an interval of the start; then one
                    // run per interval, each within LAG of its slot.
                    Instant first = runs.get(0).queuedAt();
                    assertThat(first).isBetween(start, started.plus(INTERVAL).plus(LAG));
                    Instant windowStart = first.minus(LAG);
                    for (int k = 0; k < 2; k++) {
                        Instant from = windowStart.plus(INTERVAL.multipliedBy(k));
                        Instant to = from.plus(INTERVAL);
                        List<SyncJob> inInterval = runs.stream()
                                .filter(r -> !r.queuedAt().isBefore(from)
                                        && r.queuedAt().isBefore(to))
                                .toList();
                        assertThat(inInterval)
                                .as(
                                        "runs of %s in interval %d (engine a closed at +%ss; every job: %s)",
                                        tenant,
                                        k,
                                        Duration.between(start, closed).toSeconds(),
                                        describe(history, start))
                                .hasSize(1);
                        if (inInterval.get(0).queuedAt().isAfter(closed)) {
                            assertThat(finishedBy.get(inInterval.get(0).id())).isEqualTo("engine-b");
                            afterClose++;
                        }
                    }
                }
                assertThat(finishedBy.values()).contains("engine-a", "engine-b");
                assertThat(afterClose).isGreaterThanOrEqualTo(40);
                assertThat(storage.queries().count(tenants.get(0), EntraTenantProfile.class))
                        .isEqualTo(1);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    /** Each job as "trigger status +seconds-after-start engine", oldest first, for a failure's message. */
    private String describe(List<SyncJob> jobs, Instant start) {
        return jobs.stream()
                .sorted(Comparator.comparing(SyncJob::queuedAt))
                .map(j -> j.trigger() + " " + j.status() + " +"
                        + Duration.between(start, j.queuedAt()).toMillis() / 1000.0 + "s "
                        + finishedBy.getOrDefault(j.id(), "?")
                        + (j.reason() == null ? "" : " (" + j.reason() + ")"))
                .toList()
                .toString();
    }

    @DatabaseTest
    void syncNowFromEitherEngineRunsOnceInTheCluster(TestDatabase db) throws InterruptedException {
        ScaledTime time = new ScaledTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)), FACTOR);
        JdbcStorage storage = db.storageBuilder().clock(time).build();
        try (SimulatedHost host = new SimulatedHost(storage, time, time)) {
            SimulatedTenant simulated = host.tenant("Contoso", 20, 0, 0);
            TenantId tenant = TenantId.of(simulated.id());
            storage.tenantMapper()
                    .map(new TenantMapping(
                            "company-1",
                            tenant,
                            "msp",
                            simulated.displayName(),
                            null,
                            EnumSet.of(Dataset.USERS),
                            false));
            SyncEngine a = engine(host, scheduler(storage, time, "engine-a"), "engine-a");
            SyncEngine b = engine(host, scheduler(storage, time, "engine-b"), "engine-b");
            a.start();
            b.start();
            try {
                SyncJob job = b.syncNow(tenant);
                Waits.until("the job to finish", Duration.ofSeconds(20), () -> finishedBy.containsKey(job.id()));

                assertThat(storage.jobStore().find(job.id()).orElseThrow().status())
                        .isEqualTo(JobStatus.SUCCEEDED);
                assertThat(storage.jobStore().history(tenant, 0, 10))
                        .filteredOn(j -> j.trigger() == SyncTrigger.MANUAL)
                        .hasSize(1);
                assertThat(storage.queries().count(tenant, dev.entrasync.model.EntraUser.class))
                        .isEqualTo(20);
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
