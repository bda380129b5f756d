package dev.entrasync;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobStore} in memory (jobs are lost when the process ends). Thread-safe. */
public final class InMemoryJobStore implements JobStore {

    private static final Comparator<SyncJob> NEWEST_FIRST =
            Comparator.comparing(SyncJob::queuedAt).thenComparing(SyncJob::id).reversed();

    private final ConcurrentHashMap<String, SyncJob> jobs = new ConcurrentHashMap<>();

    @Override
    public void save(SyncJob job) {
        jobs.put(Objects.requireNonNull(job, "job").id(), job);
    }

    @Override
    public Optional<SyncJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Optional<SyncJob> latest(TenantId tenant) {
        return jobs.values().stream().filter(j -> j.tenant().equals(tenant)).min(NEWEST_FIRST);
    }

    @Override
    public List<SyncJob> active() {
        return jobs.values().stream()
                .filter(j -> !j.status().isFinished())
                .sorted(NEWEST_FIRST.reversed())
                .toList();
    }

    @Override
    public List<SyncJob> history(TenantId tenant, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, were " + offset + ", " + limit);
        }
        return jobs.values().stream()
                .filter(j -> j.tenant().equals(tenant))
                .sorted(NEWEST_FIRST)
                .skip(offset)
                .limit(limit)
                .toList();
    }
}
