package dev.entrasync.jdbc;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Findings;
import dev.entrasync.findings.TenantData;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.FindingStore;
import dev.entrasync.model.EntraRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@link Findings} over a tenant's stored data after each of its sync jobs and stores them in the
 * {@code findings} table with their lifecycle (first seen, last seen, resolved), and records what a person does about
 * a finding (acknowledge, mute). Get it from {@link JdbcStorage#findings()}; {@link JdbcStorage#engine} adds it to the
 * engine as a {@link SyncListener}, so hosts using that builder need do nothing more. Read the stored findings with
 * {@link JdbcQueries#findings(TenantId)}.
 *
 * <p>Only the rules whose datasets all succeeded in the job are evaluated, and only their earlier findings can be
 * resolved: a dataset that failed leaves its rules' findings as they were. Thread-safe; {@link #jobFinished} runs on
 * the engine's thread that finished the job. A database failure while evaluating is logged, never thrown into the
 * engine.
 */
public final class JdbcFindings implements SyncListener {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFindings.class);

    private final Database db;
    private final JdbcQueries queries;
    private final FindingStore store;
    private final Findings findings;

    JdbcFindings(Database db, JdbcQueries queries, FindingStore store, Findings findings) {
        this.db = db;
        this.queries = queries;
        this.store = store;
        this.findings = findings;
    }

    /**
     * The rules this storage evaluates ({@link JdbcStorage.Builder#findings(Findings)}).
     *
     * @return the rules, in the order given; never null
     */
    public Findings rules() {
        return findings;
    }

    /**
     * Evaluates the tenant's findings after a job, over the datasets that succeeded in it.
     *
     * @param job the finished job; never null
     */
    @Override
    public void jobFinished(SyncJob job) {
        Set<Dataset> synced = EnumSet.noneOf(Dataset.class);
        for (DatasetResult r : job.results()) {
            if (r.status() == DatasetResult.Status.SUCCEEDED) {
                synced.add(r.dataset());
            }
        }
        if (findings.applicable(synced).isEmpty()) {
            return; // no rule reads only what this job synced: nothing to evaluate, no transaction
        }
        try {
            evaluate(job.tenant(), synced);
        } catch (RuntimeException e) {
            LOG.warn("Findings of tenant {} were not evaluated after job {}: {}", job.tenant(), job.id(), e.toString());
        }
    }

    /**
     * Evaluates the rules whose datasets are all in {@code synced} over the tenant's stored data now, and stores the
     * result: new findings inserted, found ones updated (and reopened if resolved), the evaluated rules' findings no
     * longer found resolved. A host calls it to evaluate without a sync, e.g. after changing the rules.
     *
     * @param tenant the tenant; never null
     * @param synced the datasets whose stored data is complete; never null
     * @return the findings of this evaluation, most severe first; never null
     * @throws JdbcStoreException if the database fails
     * @throws NullPointerException if an argument is null
     */
    public List<Finding> evaluate(TenantId tenant, Set<Dataset> synced) {
        Objects.requireNonNull(tenant, "tenant");
        Instant now = db.now();
        Map<Class<?>, List<?>> read = new HashMap<>(); // each table read once per evaluation, however many rules use it
        TenantData data = new TenantData() {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Instant now() {
                return now;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <R extends EntraRecord> List<R> records(Class<R> type) {
                return (List<R>) read.computeIfAbsent(type, t -> queries.records(tenant, type));
            }
        };
        List<Finding> found = findings.evaluate(data, synced);
        List<String> evaluated =
                findings.applicable(synced).stream().map(FindingRule::id).toList();
        store.record(tenant, evaluated, found, now);
        return found;
    }

    /**
     * Records that a person acknowledged the tenant's finding of a rule (it stays listed, and is still resolved when
     * no longer found).
     *
     * @param tenant the tenant; never null
     * @param ruleId the finding's rule id, such as {@code global-admin-count}; never null
     * @return true if the finding exists; false if the tenant has no finding of that rule
     * @throws JdbcStoreException if the database fails
     */
    public boolean acknowledge(TenantId tenant, String ruleId) {
        return store.acknowledge(
                Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(ruleId, "ruleId"), db.now());
    }

    /**
     * Mutes or unmutes the tenant's finding of a rule: a muted finding keeps its lifecycle but hosts leave it out of
     * reports and mails.
     *
     * @param tenant the tenant; never null
     * @param ruleId the finding's rule id; never null
     * @param muted true to mute, false to unmute
     * @return true if the finding exists; false if the tenant has no finding of that rule
     * @throws JdbcStoreException if the database fails
     */
    public boolean mute(TenantId tenant, String ruleId, boolean muted) {
        return store.mute(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(ruleId, "ruleId"), muted);
    }
}
