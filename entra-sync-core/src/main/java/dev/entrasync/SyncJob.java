package dev.entrasync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sync of one tenant, as the host shows it: what triggered it, where it is, when it ran, and
 * how each dataset went. Immutable: the engine stores a new version at each change.
 *
 * @param id unique job id (also the sink's run id)
 * @param tenant the tenant
 * @param companyId the host's company mapped to the tenant, or null
 * @param credentialName the credential used
 * @param trigger why it ran
 * @param status where it is
 * @param queuedAt when it was queued
 * @param startedAt when it started, or null
 * @param finishedAt when it finished, or null
 * @param datasets the datasets requested
 * @param results each finished dataset's result (grows while running)
 * @param reason why the job failed or was cancelled, in words, or null
 */
public record SyncJob(
        String id,
        TenantId tenant,
        String companyId,
        String credentialName,
        SyncTrigger trigger,
        JobStatus status,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        List<Dataset> datasets,
        List<DatasetResult> results,
        String reason) {

    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queuedAt, "queuedAt");
        datasets = List.copyOf(datasets);
        results = List.copyOf(results);
    }

    /** A copy with another status, finish time and reason. */
    public SyncJob finish(JobStatus newStatus, Instant at, String why) {
        return new SyncJob(
                id,
                tenant,
                companyId,
                credentialName,
                trigger,
                newStatus,
                queuedAt,
                startedAt == null ? at : startedAt,
                at,
                datasets,
                results,
                why);
    }

    /** A copy marked running. */
    public SyncJob start(Instant at) {
        return new SyncJob(
                id,
                tenant,
                companyId,
                credentialName,
                trigger,
                JobStatus.RUNNING,
                queuedAt,
                at,
                null,
                datasets,
                results,
                null);
    }

    /** A copy with one more dataset result. */
    public SyncJob withResult(DatasetResult result) {
        List<DatasetResult> more = new java.util.ArrayList<>(results);
        more.add(result);
        return new SyncJob(
                id,
                tenant,
                companyId,
                credentialName,
                trigger,
                status,
                queuedAt,
                startedAt,
                finishedAt,
                datasets,
                more,
                reason);
    }

    /** The result of one dataset, if it finished. */
    public Optional<DatasetResult> result(Dataset dataset) {
        return results.stream().filter(r -> r.dataset() == dataset).findFirst();
    }

    /** The Graph requests of all datasets so far. */
    public long requests() {
        return results.stream().mapToLong(DatasetResult::requests).sum();
    }
}
