package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantHealth;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.testing.ScaledTime;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tenant's controls — excluded, own interval, blocked — set through one engine hold for every engine over
 * the same database (each with its own {@link JdbcClusterScheduler}, as the instances of a cluster), and
 * after all of them restart.
 */
class TenantControlsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Which tenants the engines were told are blocked, across every engine of a test. */
    private final List<TenantId> toldBlocked = new CopyOnWriteArrayList<>();

    private SyncEngine engine(
            SimulatedHost host, JdbcStorage storage, ScaledTime time, String name, Duration interval) {
        SyncListener recorder = new SyncListener() {
            @Override
            public void tenantBlocked(TenantId tenant, TokenException cause) {
                toldBlocked.add(tenant);
            }
        };
        JdbcClusterScheduler scheduler = JdbcClusterScheduler.builder(storage)
                .instanceName(name)
                .clock(time)
                .threads(2)
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofMinutes(10))
                .housekeepingInterval(Duration.ofMinutes(10))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        return host.engine()
                .config(SyncConfig.custom().interval(interval).build())
                .listener(recorder)
                .scheduler(scheduler)
                .build();
    }

    private static TenantId map(JdbcStorage storage, SimulatedTenant simulated, String company) {
        TenantId tenant = TenantId.of(simulated.id());
        storage.tenantMapper()
                .map(new TenantMapping(
                        company,
                        tenant,
                        "msp",
                        simulated.displayName(),
                        null,
                        EnumSet.of(Dataset.TENANT_PROFILE),
                        false));
        return tenant;
    }

    private static List<SyncJob> jobs(JdbcStorage storage, TenantId tenant) {
        return storage.jobStore().history(tenant, 0, 100);
    }

    @DatabaseTest
    void excludingATenantOnOneEngineKeepsTheOtherFromSyncingIt(TestDatabase db) throws InterruptedException {
        ScaledTime time = new ScaledTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)), 10);
        JdbcStorage storage = db.storageBuilder().clock(time).build();
        try (SimulatedHost host = new SimulatedHost(storage, time, time)) {
            TenantId excluded = map(storage, host.tenant("Excluded", 1, 0, 0), "company-excluded");
            TenantId synced = map(storage, host.tenant("Synced", 1, 0, 0), "company-synced");
            SyncEngine a = engine(host, storage, time, "engine-a", Duration.ofMinutes(1));
            SyncEngine b = engine(host, storage, time, "engine-b", Duration.ofMinutes(1));
            try {
                a.exclude(excluded);
                a.start();
                b.start();

                assertThatThrownBy(() -> b.syncNow(excluded))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("tenant " + excluded + " is excluded from syncing; include it first");
                assertThatThrownBy(() -> b.sync("msp", excluded, EnumSet.of(Dataset.TENANT_PROFILE)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("excluded");
                assertThat(b.syncAllNow()).extracting(SyncJob::tenant).containsExactly(synced);
                // Two scheduled runs of the other tenant: a whole interval passed, so the excluded tenant's slot came.
                Waits.until(
                        "two scheduled runs of the synced tenant",
                        WAIT,
                        () -> jobs(storage, synced).stream()
                                        .filter(j -> j.trigger() == SyncTrigger.SCHEDULED
                                                && j.status() == JobStatus.SUCCEEDED)
                                        .count()
                                >= 2);

                assertThat(jobs(storage, excluded)).isEmpty();
                assertThat(storage.tenantMapper()
                                .findByTenant(excluded)
                                .orElseThrow()
                                .excluded())
                        .isTrue();

                b.include(excluded);
                SyncJob job = a.syncNow(excluded);
                Waits.until(
                        "the included tenant's job",
                        WAIT,
                        () -> storage.jobStore()
                                .find(job.id())
                                .orElseThrow()
                                .status()
                                .isFinished());
                assertThat(storage.jobStore().find(job.id()).orElseThrow().status())
                        .isEqualTo(JobStatus.SUCCEEDED);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @DatabaseTest
    void anIntervalAndABlockSetOnOneEngineSurviveARestartOfBoth(TestDatabase db) throws InterruptedException {
        ScaledTime time = new ScaledTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)), 1);
        JdbcStorage storage = db.storageBuilder().clock(time).build();
        try (SimulatedHost host = new SimulatedHost(storage, time, time)) {
            TenantId often = map(storage, host.tenant("Often", 1, 0, 0), "company-often");
            SimulatedTenant revoked = host.tenant("Revoked", 1, 0, 0);
            TenantId blocked = map(storage, revoked, "company-revoked");
            revoked.revokeConsent(host.app);
            SyncEngine a = engine(host, storage, time, "engine-a", Duration.ofDays(1));
            SyncEngine b = engine(host, storage, time, "engine-b", Duration.ofDays(1));
            Instant blockedAround;
            try {
                a.start();
                b.start();
                a.interval(often, Duration.ofMinutes(1));
                // The tenant's shared row moved from its slot in the day to its slot in the minute.
                JdbcClusterScheduler observer = JdbcClusterScheduler.builder(storage)
                        .instanceName("observer")
                        .clock(time)
                        .build();
                assertThat(observer.scheduledTenants())
                        .filteredOn(t -> t.tenant().equals(often))
                        .singleElement()
                        .satisfies(t -> assertThat(t.nextRunAt())
                                .isBefore(time.instant().plus(Duration.ofMinutes(1))));
                observer.close();
                blockedAround = time.instant();
                SyncJob failed = b.syncNow(blocked);
                Waits.until(
                        "the revoked tenant's job",
                        WAIT,
                        () -> storage.jobStore()
                                .find(failed.id())
                                .orElseThrow()
                                .status()
                                .isFinished());
                assertThat(storage.jobStore().find(failed.id()).orElseThrow().status())
                        .isEqualTo(JobStatus.FAILED);
                assertThat(a.health(blocked).blockedBy())
                        .as("seen from the other engine")
                        .isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
            } finally {
                a.close();
                b.close();
            }
            assertThat(toldBlocked).containsExactly(blocked);

            SyncEngine c = engine(host, storage, time, "engine-c", Duration.ofDays(1));
            SyncEngine d = engine(host, storage, time, "engine-d", Duration.ofDays(1));
            try {
                c.start();
                d.start();

                TenantMapping stored =
                        storage.tenantMapper().findByTenant(often).orElseThrow();
                assertThat(stored.interval()).isEqualTo(Duration.ofMinutes(1));
                Instant now = time.instant();
                assertThat(d.nextRun(often).orElseThrow())
                        .as("next run under the tenant's own interval")
                        .isBetween(now.minusSeconds(1), now.plus(Duration.ofMinutes(1)));

                TenantHealth health = c.health(blocked);
                assertThat(health.blocked()).isTrue();
                assertThat(health.blockedBy()).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
                assertThat(health.consecutiveFailures()).isEqualTo(1);
                assertThat(health.lastError()).contains("AADSTS700016");
                TenantBlock block = storage.tenantMapper()
                        .findByTenant(blocked)
                        .orElseThrow()
                        .block();
                assertThat(block.reason()).contains("AADSTS700016");
                assertThat(block.since()).isBetween(blockedAround, time.instant());
                assertThat(block.credential())
                        .doesNotContain(SimulatedHost.SECRET)
                        .hasSize(32);

                // The same failure after the restart is not news: the host was told once.
                SyncJob again = d.syncNow(blocked);
                Waits.until(
                        "the revoked tenant's second job",
                        WAIT,
                        () -> storage.jobStore()
                                .find(again.id())
                                .orElseThrow()
                                .status()
                                .isFinished());
                assertThat(toldBlocked).containsExactly(blocked);
                assertThat(c.health(blocked).consecutiveFailures()).isEqualTo(2);

                revoked.consent(host.app, Permissions.allRead());
                d.resume(blocked);
                assertThat(c.health(blocked).blocked()).isFalse();
                assertThat(storage.tenantMapper()
                                .findByTenant(blocked)
                                .orElseThrow()
                                .block())
                        .isNull();
                SyncJob healed = c.syncNow(blocked);
                Waits.until(
                        "the re-consented tenant's job",
                        WAIT,
                        () -> storage.jobStore()
                                .find(healed.id())
                                .orElseThrow()
                                .status()
                                .isFinished());
                assertThat(d.health(blocked).consecutiveFailures()).isZero();
                assertThat(d.health(blocked).lastSuccess()).isNotNull();
            } finally {
                c.close();
                d.close();
            }
        }
    }
}
