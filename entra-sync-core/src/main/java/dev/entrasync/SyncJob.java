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

    /**
     * Validates the components and copies the lists into unmodifiable ones.
     *
     * @param id the unique job id, also the sink's run id; never null
     * @param tenant the tenant; never null
     * @param companyId the host's company mapped to the tenant; null when it has none
     * @param credentialName the name of the credential used; may be null
     * @param trigger why the job ran; never null
     * @param status where the job is; never null
     * @param queuedAt when the job was queued; never null
     * @param startedAt when the job started; null while queued
     * @param finishedAt when the job finished; null until then
     * @param datasets the datasets requested; never null
     * @param results each finished dataset's result, in the order they finished; never null
     * @param reason why the job failed or was cancelled, in words; null otherwise
     * @throws NullPointerException if {@code id}, {@code tenant}, {@code trigger}, {@code status}, {@code queuedAt},
     *     {@code datasets} or {@code results} is null
     */
    public SyncJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(queuedAt, "queuedAt");
        datasets = List.copyOf(datasets);
        results = List.copyOf(results);
    }

    /**
     * A copy with another status, finish time and reason.
     *
     * @param newStatus the final status; never null
     * @param at when the job finished, also its start when it never started; never null
     * @param why why it failed or was cancelled, in words; null for a success
     * @return a new job equal to this one but for status, finish time and reason; never null
     */
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

    /**
     * A copy marked running.
     *
     * @param at when the job started; never null
     * @return a new job equal to this one, {@link JobStatus#RUNNING}, started at {@code at}, without finish time or
     *     reason; never null
     */
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

    /**
     * A copy with one more dataset result.
     *
     * @param result the finished dataset's result; never null
     * @return a new job equal to this one with {@code result} appended to {@link #results()}; never null
     */
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

    /**
     * The result of one dataset, if it finished.
     *
     * @param dataset the dataset; never null
     * @return the dataset's first result; empty when it has not finished or was not requested
     */
    public Optional<DatasetResult> result(Dataset dataset) {
        return results.stream().filter(r -> r.dataset() == dataset).findFirst();
    }

    /**
     * The Graph requests of all datasets so far.
     *
     * @return the total number of Graph requests of the finished datasets so far; zero or more
     */
    public long requests() {
        return results.stream().mapToLong(DatasetResult::requests).sum();
    }
}
