package dev.entrasync.examples.cli;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.HostDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs}: the latest sync jobs, newest first, with their status and reason. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "List sync jobs from the database, newest first.")
final class JobsCommand implements Callable<Integer> {

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's jobs.")
    String tenant;

    @Option(names = "--limit", defaultValue = "20", description = "Jobs per tenant (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        try (HostDatabase db = database.openForReading(System.err)) {
            List<TenantId> tenants = tenant != null
                    ? List.of(TenantId.of(tenant))
                    : db.mapper().list().stream().map(TenantMapping::tenant).toList();
            List<SyncJob> jobs = new ArrayList<>();
            tenants.forEach(t -> jobs.addAll(db.storage().jobStore().history(t, 0, limit)));
            jobs.sort(Comparator.comparing(SyncJob::queuedAt).reversed());
            List<List<String>> rows = jobs.stream().map(JobsCommand::row).toList();
            TextTable.print(
                    System.out, List.of("Queued", "Tenant", "Trigger", "Status", "Took", "Requests", "Reason"), rows);
            return 0;
        }
    }

    private static List<String> row(SyncJob job) {
        String took = job.startedAt() == null || job.finishedAt() == null
                ? ""
                : Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0 + " s";
        return List.of(
                job.queuedAt().toString().substring(0, 19).replace('T', ' '),
                job.tenant().value(),
                job.trigger().name(),
                job.status().name(),
                took,
                String.valueOf(job.requests()),
                job.reason() == null ? "" : job.reason());
    }
}
