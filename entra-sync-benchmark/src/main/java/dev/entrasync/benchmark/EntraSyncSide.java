package dev.entrasync.benchmark;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.DatasetSink;
import dev.entrasync.GraphLimits;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testing.ScaledTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * entra-sync's side: one engine with every tenant mapped and every dataset enabled, on the
 * simulated time of the spec; "Sync now" for the whole fleet, and again once all jobs finished for
 * the unchanged delta re-sync. Default limits; the only settings are the worker count, a 29-day
 * first-run lookback (audit events on the retention edge would otherwise come and go between runs
 * minutes apart) and, when a spec asks, the attempts per request.
 */
final class EntraSyncSide {

    static final String HOME_TENANT = "9b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    static final SyncConfig CONFIG =
            SyncConfig.custom().firstRunLookback(Duration.ofDays(29)).build();
    private static final Duration JOB_TIMEOUT = Duration.ofHours(6);

    private EntraSyncSide() {}

    /** The results of one "Sync now" of the whole fleet. */
    record Round(
            double realSeconds,
            long requests,
            long throttled,
            Map<String, Long> requestsByTenant,
            Map<String, Long> requestsByDataset,
            Map<String, Long> rowsByDataset,
            List<String> failedTenants,
            List<SyncJob> jobs) {}

    static SideResult run(SideSpec spec, DatasetSink sink, HeapSampler heap) throws InterruptedException {
        try (EntraSync entra = runtime(spec, new ScaledTime(spec.anchor()));
                SyncEngine engine = engine(entra, spec, sink)) {
            Round full = round(engine, "full sync");
            SideResult.Resync resync = null;
            if (spec.resync()) {
                Round again = round(engine, "unchanged re-sync");
                resync = new SideResult.Resync(
                        again.realSeconds(),
                        again.requests(),
                        again.throttled(),
                        again.requestsByDataset(),
                        again.failedTenants());
            }
            return new SideResult(
                    SideSpec.ENTRA_SYNC,
                    full.realSeconds(),
                    full.realSeconds(),
                    1,
                    0,
                    full.requests(),
                    full.throttled(),
                    full.requestsByTenant(),
                    full.requestsByDataset(),
                    full.rowsByDataset(),
                    full.failedTenants(),
                    heap.peakMiB(),
                    resync);
        }
    }

    /** The runtime with the spec's credential and limits, on {@code clock}; close it after the engine. */
    static EntraSync runtime(SideSpec spec, ScaledTime clock) {
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.save(AppCredential.builder()
                .name("msp")
                .cloud(Cloud.custom(spec.loginUrl(), spec.graphUrl()))
                .homeTenant(HOME_TENANT)
                .clientId(spec.clientId())
                .secret(spec.secret())
                .build());
        GraphLimits limits = spec.maxAttempts() > 0
                ? GraphLimits.custom().maxAttempts(spec.maxAttempts()).build()
                : GraphLimits.ofDefaults();
        return EntraSync.builder()
                .credentials(credentials)
                .clock(clock)
                .sleeper(clock)
                .limits(limits)
                .build();
    }

    /** An engine on {@code runtime} with the spec's tenants (every dataset), writing to {@code sink}. */
    static SyncEngine engine(EntraSync runtime, SideSpec spec, DatasetSink sink) {
        InMemoryTenantMapper mapper = new InMemoryTenantMapper();
        for (int i = 0; i < spec.tenants().size(); i++) {
            mapper.map(new TenantMapping(
                    "company-" + i,
                    TenantId.of(spec.tenants().get(i)),
                    "msp",
                    "Tenant " + i,
                    null,
                    EnumSet.allOf(Dataset.class),
                    false));
        }
        return runtime.engine()
                .tenants(mapper)
                .sink(sink)
                .config(SyncConfig.from(CONFIG).workers(spec.workers()).build())
                .build();
    }

    /** Syncs every mapped tenant now and waits for all of them. */
    static Round round(SyncEngine engine, String what) throws InterruptedException {
        long started = System.nanoTime();
        List<SyncJob> queued = engine.syncAllNow();
        List<SyncJob> finished = new ArrayList<>(queued.size());
        for (SyncJob job : queued) {
            finished.add(engine.await(job.id(), JOB_TIMEOUT));
            if (finished.size() % 100 == 0) {
                Progress.say("entra-sync %s: %d of %d tenants", what, finished.size(), queued.size());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = 0;
        long throttled = 0;
        Map<String, Long> byTenant = new LinkedHashMap<>();
        Map<String, Long> byDataset = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (SyncJob job : finished) {
            long tenantRequests = 0;
            for (DatasetResult result : job.results()) {
                tenantRequests += result.requests();
                throttled += result.throttledResponses();
                byDataset.merge(result.dataset().key(), result.requests(), Long::sum);
                rows.merge(result.dataset().key(), result.rowsUpserted(), Long::sum);
            }
            requests += tenantRequests;
            byTenant.put(job.tenant().value(), tenantRequests);
            if (job.status() != JobStatus.SUCCEEDED) {
                failed.add(job.tenant().value() + ": " + job.status() + " " + job.reason());
            }
        }
        return new Round(seconds, requests, throttled, byTenant, byDataset, rows, failed, finished);
    }
}
