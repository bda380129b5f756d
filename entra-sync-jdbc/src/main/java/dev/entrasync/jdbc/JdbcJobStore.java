package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.JobStore;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.JsonText;
import dev.entrasync.jdbc.internal.NamedSql;
import dev.entrasync.jdbc.internal.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link JobStore} in the {@code jobs} table, with each dataset's result as a row of {@code job_results}
 * (typed columns: status, mode, rows, requests, throttling, error and fix), so hosts can report on them in
 * SQL. A job and its results are saved in one transaction. Get it from {@link JdbcStorage#jobStore()}.
 * Thread-safe; one connection per call.
 */
public final class JdbcJobStore implements JobStore {

    private static final String NEWEST_FIRST = " ORDER BY queued_at DESC, id DESC";

    private final Database db;
    private final String upsertJob;
    private final NamedSql deleteResults;
    private final String insertResult;
    private final NamedSql byId;
    private final NamedSql latest;
    private final NamedSql active;
    private final String resultsOf;

    JdbcJobStore(Database db) {
        this.db = db;
        String jobs = db.table("jobs");
        this.upsertJob = db.dialect()
                .upsert(
                        jobs,
                        List.of("id"),
                        List.of(
                                "id",
                                "tenant_id",
                                "company_id",
                                "credential_name",
                                "job_trigger",
                                "status",
                                "queued_at",
                                "started_at",
                                "finished_at",
                                "datasets",
                                "reason"));
        this.deleteResults = NamedSql.parse("DELETE FROM " + db.table("job_results") + " WHERE job_id = :id");
        this.insertResult = "INSERT INTO " + db.table("job_results") + " (job_id, dataset, result_order, status, mode,"
                + " rows_upserted, rows_removed, requests, throttled_responses, retry_after_waited_ms, error, fix, warnings,"
                + " unavailable_responses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.byId = NamedSql.parse("SELECT * FROM " + jobs + " WHERE id = :id");
        this.latest = NamedSql.parse(
                "SELECT * FROM " + jobs + " WHERE tenant_id = :tenant" + NEWEST_FIRST + " LIMIT :limit OFFSET :offset");
        this.active = NamedSql.parse(
                "SELECT * FROM " + jobs + " WHERE status IN ('QUEUED', 'RUNNING')" + " ORDER BY queued_at, id");
        this.resultsOf =
                "SELECT * FROM " + db.table("job_results") + " WHERE job_id IN (%s) ORDER BY job_id, result_order";
    }

    @Override
    public void save(SyncJob job) {
        Objects.requireNonNull(job, "job");
        db.inTransaction("saving job " + job.id() + " of tenant " + job.tenant(), c -> {
            try (PreparedStatement statement = c.prepareStatement(upsertJob)) {
                statement.setString(1, job.id());
                statement.setString(2, job.tenant().value());
                statement.setString(3, job.companyId());
                statement.setString(4, job.credentialName());
                statement.setString(5, job.trigger().name());
                statement.setString(6, job.status().name());
                db.dialect().setInstant(statement, 7, job.queuedAt());
                db.dialect().setInstant(statement, 8, job.startedAt());
                db.dialect().setInstant(statement, 9, job.finishedAt());
                statement.setString(
                        10, job.datasets().stream().map(Dataset::key).collect(Collectors.joining(",")));
                statement.setString(11, job.reason());
                statement.executeUpdate();
            }
            db.update(c, deleteResults, params("id", job.id()));
            insertResults(c, job);
            return null;
        });
    }

    private void insertResults(Connection c, SyncJob job) throws SQLException {
        if (job.results().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(insertResult)) {
            int order = 0;
            for (DatasetResult r : job.results()) {
                statement.setString(1, job.id());
                statement.setString(2, r.dataset().key());
                statement.setInt(3, order++);
                statement.setString(4, r.status().name());
                statement.setString(5, r.mode().name());
                statement.setLong(6, r.rowsUpserted());
                statement.setLong(7, r.rowsRemoved());
                statement.setLong(8, r.requests());
                statement.setLong(9, r.throttledResponses());
                statement.setLong(10, r.retryAfterWaited().toMillis());
                statement.setString(11, r.error());
                statement.setString(12, r.fix());
                statement.setString(13, JsonText.write(r.warnings()));
                statement.setLong(14, r.unavailableResponses());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public Optional<SyncJob> find(String id) {
        Objects.requireNonNull(id, "id");
        return jobs("reading job " + id, byId, params("id", id)).stream().findFirst();
    }

    @Override
    public Optional<SyncJob> latest(TenantId tenant) {
        return history(tenant, 0, 1).stream().findFirst();
    }

    @Override
    public List<SyncJob> active() {
        return jobs("listing active jobs", active, Map.of());
    }

    @Override
    public List<SyncJob> history(TenantId tenant, int offset, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, were " + offset + ", " + limit);
        }
        return jobs(
                "reading the jobs of tenant " + tenant,
                latest,
                params("tenant", tenant.value(), "limit", limit, "offset", offset));
    }

    private List<SyncJob> jobs(String operation, NamedSql query, Map<String, ?> params) {
        return db.withConnection(operation, c -> {
            List<SyncJob> jobs = db.query(c, query, params, JdbcJobStore::readJob);
            if (jobs.isEmpty()) {
                return jobs;
            }
            Map<String, List<DatasetResult>> results = new LinkedHashMap<>();
            String ids = String.join(", ", java.util.Collections.nCopies(jobs.size(), "?"));
            try (PreparedStatement statement = c.prepareStatement(String.format(resultsOf, ids))) {
                for (int i = 0; i < jobs.size(); i++) {
                    statement.setString(i + 1, jobs.get(i).id());
                }
                try (var rows = statement.executeQuery()) {
                    Row row = new Row(rows, db.dialect());
                    while (rows.next()) {
                        results.computeIfAbsent(row.string("job_id"), k -> new ArrayList<>())
                                .add(readResult(row));
                    }
                }
            }
            return jobs.stream()
                    .map(j -> new SyncJob(
                            j.id(),
                            j.tenant(),
                            j.companyId(),
                            j.credentialName(),
                            j.trigger(),
                            j.status(),
                            j.queuedAt(),
                            j.startedAt(),
                            j.finishedAt(),
                            j.datasets(),
                            results.getOrDefault(j.id(), List.of()),
                            j.reason()))
                    .toList();
        });
    }

    private static SyncJob readJob(Row row) throws SQLException {
        List<Dataset> datasets = Arrays.stream(row.string("datasets").split(","))
                .filter(s -> !s.isEmpty())
                .map(Dataset::of)
                .toList();
        return new SyncJob(
                row.string("id"),
                TenantId.of(row.string("tenant_id")),
                row.string("company_id"),
                row.string("credential_name"),
                SyncTrigger.valueOf(row.string("job_trigger")),
                JobStatus.valueOf(row.string("status")),
                row.instant("queued_at"),
                row.instant("started_at"),
                row.instant("finished_at"),
                datasets,
                List.of(),
                row.string("reason"));
    }

    private static DatasetResult readResult(Row row) throws SQLException {
        return new DatasetResult(
                Dataset.of(row.string("dataset")),
                DatasetResult.Status.valueOf(row.string("status")),
                DatasetResult.Mode.valueOf(row.string("mode")),
                row.bigint("rows_upserted"),
                row.bigint("rows_removed"),
                row.bigint("requests"),
                row.bigint("throttled_responses"),
                row.bigint("unavailable_responses"),
                Duration.ofMillis(row.bigint("retry_after_waited_ms")),
                row.string("error"),
                row.string("fix"),
                row.strings("warnings"));
    }
}
