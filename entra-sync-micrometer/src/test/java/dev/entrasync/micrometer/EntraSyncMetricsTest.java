package dev.entrasync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.testing.EntraSyncTest;
import dev.entrasync.testing.TestHost;
import dev.entrasync.testkit.RecordedCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The meters after syncs through the real engine against the simulated cloud, read from a {@link SimpleMeterRegistry}:
 * each count equals what the cloud served.
 */
@EntraSyncTest(
        users = 1500,
        datasets = {Dataset.USERS, Dataset.GROUPS})
class EntraSyncMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final MeterRegistry registry = new SimpleMeterRegistry();

    private static SyncJob syncNow(SyncEngine engine, TenantId tenant) throws InterruptedException {
        return engine.await(engine.syncNow(tenant).id(), WAIT);
    }

    private static SyncEngine bound(TestHost host, EntraSyncMetrics metrics) {
        SyncEngine engine = host.engineBuilder().listener(metrics.listener()).build();
        metrics.bind(host.runtime(), engine);
        return engine;
    }

    private double sum(String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** The secret-expiry gauge of the credential. */
    private double remaining(String credential) {
        return registry.get("entrasync.credential.secret.remaining")
                .tag("credential", credential)
                .gauge()
                .value();
    }

    private long served(TestHost host, int status) {
        return host.cloud().graphCalls().stream()
                .filter(c -> c.status() == status)
                .count();
    }

    @Test
    void requestAndThrottlingCountersEqualWhatTheCloudServed(TestHost host) throws Exception {
        host.cloud().faults().throttleNext(2, 3).unavailableNext(1, 2);
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        SyncEngine engine = bound(host, metrics);

        SyncJob job = syncNow(engine, host.tenantId());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        List<RecordedCall> calls = host.cloud().graphCalls();
        assertThat(sum("entrasync.graph.requests"))
                .isEqualTo(calls.stream().filter(c -> !c.batchItem()).count())
                .isEqualTo(job.requests());
        for (DatasetResult result : job.results()) {
            assertThat(registry.get("entrasync.graph.requests")
                            .tag("dataset", result.dataset().key())
                            .counter()
                            .count())
                    .as(result.dataset().key())
                    .isEqualTo(result.requests())
                    .isPositive();
        }
        assertThat(served(host, 429)).isEqualTo(2);
        assertThat(sum("entrasync.graph.throttled")).isEqualTo(served(host, 429));
        assertThat(served(host, 503)).isEqualTo(1);
        assertThat(sum("entrasync.graph.unavailable")).isEqualTo(served(host, 503));
        // Retry-After 3 s twice and 2 s once, on the fake clock
        assertThat(sum("entrasync.graph.retry.after.wait")).isEqualTo(8.0);
        assertThat(registry.get("entrasync.graph.retry.after.wait")
                        .counters()
                        .iterator()
                        .next()
                        .getId()
                        .getBaseUnit())
                .isEqualTo("seconds");
        assertThat(registry.get("entrasync.records")
                        .tags("dataset", "users", "change", "upserted")
                        .counter()
                        .count())
                .isEqualTo(1500);
    }

    @Test
    void jobsAreCountedByStatusAndTimedWithDatasetTimersTaggedByDatasetStatusAndMode(TestHost host) throws Exception {
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        SyncEngine engine = bound(host, metrics);

        syncNow(engine, host.tenantId());
        host.tenant().revokeConsent(host.app());
        host.fakeTime().orElseThrow().advance(Duration.ofHours(2)); // the cached token runs out
        syncNow(engine, host.tenantId());

        assertThat(registry.get("entrasync.jobs.started")
                        .tag("trigger", "MANUAL")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("entrasync.jobs.finished")
                        .tags("status", "SUCCEEDED", "trigger", "MANUAL")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("entrasync.jobs.finished")
                        .tags("status", "FAILED", "trigger", "MANUAL")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("entrasync.job.duration")
                        .tag("status", "SUCCEEDED")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("entrasync.job.duration")
                        .tag("status", "FAILED")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("entrasync.dataset.duration").timers())
                .extracting(t -> t.getId().getTag("dataset") + " " + t.getId().getTag("status") + " "
                        + t.getId().getTag("mode") + " " + t.count())
                .containsExactlyInAnyOrder("users SUCCEEDED FULL 1", "groups SUCCEEDED FULL 1");
        assertThat(registry.find("entrasync.dataset.duration").timers())
                .allSatisfy(t -> assertThat(t.getId().getBaseUnit()).isEqualTo("seconds"));
        assertThat(registry.getMeters())
                .as("no meter is tagged by tenant unless the host opts in")
                .allSatisfy(m -> assertThat(m.getId().getTag("tenant")).isNull());
    }

    @Test
    void metersCarryTheTenantWhenTheHostOptsIn(TestHost host) throws Exception {
        EntraSyncMetrics metrics =
                EntraSyncMetrics.builder(registry).tenantTags(true).build();
        SyncEngine engine = bound(host, metrics);

        SyncJob job = syncNow(engine, host.tenantId());

        String tenant = host.tenantId().value();
        assertThat(registry.get("entrasync.graph.requests")
                        .tags("dataset", "users", "tenant", tenant)
                        .counter()
                        .count())
                .isEqualTo(job.result(Dataset.USERS).orElseThrow().requests());
        assertThat(registry.getMeters())
                .filteredOn(m -> m.getId().getType() != Meter.Type.GAUGE)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTag("tenant"))
                        .as(m.getId().getName())
                        .isEqualTo(tenant));
        assertThat(registry.find("entrasync.tenants.blocked").gauge().getId().getTag("tenant"))
                .as("a fleet-wide gauge")
                .isNull();
    }

    @Test
    void aWrongSecretIsCountedUnderItsAadstsCodeAndTheBlockedTenantMovesTheGauge(TestHost host) throws Exception {
        AppCredential right = host.credentials().find(TestHost.CREDENTIAL).orElseThrow();
        host.credentials().save(right.toBuilder().secret("not-the-secret").build());
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        SyncEngine engine = bound(host, metrics);
        assertThat(registry.get("entrasync.tenants.blocked").gauge().value()).isZero();

        SyncJob job = syncNow(engine, host.tenantId());

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(registry.get("entrasync.token.failures")
                        .tags("aadsts", "7000215", "failure", "INVALID_SECRET", "credential", TestHost.CREDENTIAL)
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(sum("entrasync.token.failures")).isEqualTo(1);
        assertThat(registry.get("entrasync.tenants.blocks")
                        .tag("failure", "INVALID_SECRET")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("entrasync.tenants.blocked").gauge().value()).isEqualTo(1);
        assertThat(host.cloud().graphCalls()).as("nothing was sent to Graph").isEmpty();

        host.credentials().save(right);
        engine.resume(host.tenantId());
        assertThat(registry.get("entrasync.tenants.blocked").gauge().value()).isZero();
        assertThat(syncNow(engine, host.tenantId()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(sum("entrasync.token.failures")).isEqualTo(1);
    }

    @Test
    void theSecretExpiryGaugeReadsTheDaysLeftOfEachCredential(TestHost host) throws Exception {
        AppCredential msp = host.credentials().find(TestHost.CREDENTIAL).orElseThrow();
        host.credentials()
                .save(msp.toBuilder()
                        .secretExpiresAt(
                                host.clock().instant().plus(Duration.ofDays(10).plusHours(1)))
                        .build());
        host.credentials().save(msp.toBuilder().name("unknown-expiry").build());
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        bound(host, metrics);

        assertThat(remaining(TestHost.CREDENTIAL)).isEqualTo(10);
        assertThat(registry.get("entrasync.credential.secret.remaining")
                        .tag("credential", TestHost.CREDENTIAL)
                        .gauge()
                        .getId()
                        .getBaseUnit())
                .isEqualTo("days");
        assertThat(remaining("unknown-expiry")).isNaN();

        host.fakeTime().orElseThrow().advance(Duration.ofDays(12));
        assertThat(remaining(TestHost.CREDENTIAL))
                .as("expired two days ago: negative")
                .isEqualTo(-2);

        host.credentials().delete(TestHost.CREDENTIAL);
        assertThat(remaining(TestHost.CREDENTIAL))
                .as("a deleted credential has no value")
                .isNaN();
    }

    @Test
    void aCredentialSavedAfterBindingGetsItsGaugeWhenAJobUsesIt(TestHost host) throws Exception {
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        SyncEngine engine = bound(host, metrics);
        AppCredential msp = host.credentials().find(TestHost.CREDENTIAL).orElseThrow();
        host.credentials()
                .save(msp.toBuilder()
                        .name("second")
                        .secretExpiresAt(
                                host.clock().instant().plus(Duration.ofDays(30).plusHours(1)))
                        .build());
        TenantMapping mapped = host.tenants().findByTenant(host.tenantId()).orElseThrow();
        host.tenants()
                .update(new TenantMapping(
                        mapped.companyId(),
                        mapped.tenant(),
                        "second",
                        mapped.displayName(),
                        mapped.defaultDomain(),
                        mapped.datasets(),
                        false));
        assertThat(registry.find("entrasync.credential.secret.remaining")
                        .tag("credential", "second")
                        .gauge())
                .isNull();

        syncNow(engine, host.tenantId());

        assertThat(remaining("second")).isEqualTo(30);
    }

    @Test
    void aBindingIsBoundOnceAndRefusesNulls(TestHost host) {
        EntraSyncMetrics metrics = EntraSyncMetrics.builder(registry).build();
        SyncEngine engine = bound(host, metrics);

        assertThatThrownBy(() -> metrics.bind(host.runtime(), engine))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already bound");
        assertThatThrownBy(() -> EntraSyncMetrics.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("registry");
        assertThatThrownBy(() -> EntraSyncMetrics.builder(registry).observations(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("observations");
        assertThat(metrics.listener()).isSameAs(metrics.listener());
        assertThat(registry.find("entrasync.dataset.duration").timers()).isEmpty();
        assertThat(registry.find("entrasync.tenants.blocked").gauges()).hasSize(1);
        assertThat(registry.find("entrasync.job.duration").timer()).isNull();
    }
}
