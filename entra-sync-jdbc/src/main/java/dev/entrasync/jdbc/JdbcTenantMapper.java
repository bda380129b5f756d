package dev.entrasync.jdbc;

import static dev.entrasync.jdbc.internal.NamedSql.params;

import dev.entrasync.DataPurger;
import dev.entrasync.Dataset;
import dev.entrasync.MappingConflictException;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenFailure;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.NamedSql;
import dev.entrasync.jdbc.internal.Row;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A {@link TenantMapper} in the {@code tenant_mappings} table. The table's keys enforce one company per
 * tenant and one tenant per company, so {@link #map} is atomic across host instances: of two concurrent
 * mappings of one tenant, one is stored and the other gets a {@link MappingConflictException}. Get it from
 * {@link JdbcStorage#tenantMapper()} (which purges through {@link JdbcStorage#dataPurger()}).
 * The tenant's sync controls (excluded, own interval, block) are columns of the same row, so every engine
 * over the database sees them; {@link #change} locks the row ({@code SELECT … FOR UPDATE}) so two instances
 * changing one tenant's controls at once do not undo each other.
 * Thread-safe; one connection per call.
 */
public final class JdbcTenantMapper implements TenantMapper {

    private final Database db;
    private final DataPurger purger;
    private final NamedSql insert;
    private final NamedSql update;
    private final NamedSql delete;
    private final NamedSql byCompany;
    private final NamedSql byTenant;
    private final NamedSql byTenantForUpdate;
    private final NamedSql all;

    JdbcTenantMapper(Database db, DataPurger purger) {
        this.db = db;
        this.purger = purger;
        String table = db.table("tenant_mappings");
        String select = "SELECT * FROM " + table;
        this.insert = NamedSql.parse("INSERT INTO " + table + " (company_id, tenant_id, credential_name, display_name,"
                + " default_domain, datasets, paused, excluded, sync_interval_ms, blocked_by, blocked_reason,"
                + " blocked_since, blocked_credential, mapped_at) VALUES (:company, :tenant, :credential, :name,"
                + " :domain, :datasets, :paused, :excluded, :interval, :blockedBy, :blockedReason, :blockedSince,"
                + " :blockedCredential, :now)");
        this.update = NamedSql.parse("UPDATE " + table + " SET credential_name = :credential, display_name = :name,"
                + " default_domain = :domain, datasets = :datasets, paused = :paused, excluded = :excluded,"
                + " sync_interval_ms = :interval, blocked_by = :blockedBy, blocked_reason = :blockedReason,"
                + " blocked_since = :blockedSince, blocked_credential = :blockedCredential"
                + " WHERE company_id = :company AND tenant_id = :tenant");
        this.delete = NamedSql.parse("DELETE FROM " + table + " WHERE company_id = :company");
        this.byCompany = NamedSql.parse(select + " WHERE company_id = :company");
        this.byTenant = NamedSql.parse(select + " WHERE tenant_id = :tenant");
        this.byTenantForUpdate = NamedSql.parse(select + " WHERE tenant_id = :tenant FOR UPDATE");
        this.all = NamedSql.parse(select + " ORDER BY mapping_order");
    }

    @Override
    public TenantMapping map(TenantMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        return db.withConnection("mapping company " + mapping.companyId() + " to tenant " + mapping.tenant(), c -> {
            refuseConflict(c, mapping);
            try {
                db.update(c, insert, values(mapping));
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                refuseConflict(c, mapping);
                throw e;
            }
            return mapping;
        });
    }

    @Override
    public TenantMapping update(TenantMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        return db.withConnection("updating the mapping of company " + mapping.companyId(), c -> {
            TenantMapping current = one(c, byCompany, params("company", mapping.companyId()))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "companyId: company " + mapping.companyId() + " has no mapping to update; map it first"));
            if (!current.tenant().equals(mapping.tenant())) {
                throw new IllegalArgumentException(
                        "tenant: company " + mapping.companyId() + " is mapped to tenant " + current.tenant() + ", not "
                                + mapping.tenant() + "; delete and map again to change the tenant");
            }
            db.update(c, update, values(mapping));
            return mapping;
        });
    }

    @Override
    public Optional<TenantMapping> delete(String companyId, SyncedData syncedData) {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(syncedData, "syncedData");
        if (syncedData == SyncedData.PURGE && purger == null) {
            throw new IllegalStateException("Cannot purge synced data: this mapper has no DataPurger. Nothing was"
                    + " deleted; get the mapper from JdbcStorage.tenantMapper() or delete with SyncedData.KEEP.");
        }
        Map<String, Object> key = params("company", companyId.trim());
        Optional<TenantMapping> removed = db.inTransaction("deleting the mapping of company " + companyId, c -> {
            Optional<TenantMapping> current = one(c, byCompany, key);
            if (current.isPresent()) {
                db.update(c, delete, key);
            }
            return current;
        });
        if (removed.isPresent() && syncedData == SyncedData.PURGE) {
            purger.purge(removed.get());
        }
        return removed;
    }

    @Override
    public Optional<TenantMapping> findByCompany(String companyId) {
        Objects.requireNonNull(companyId, "companyId");
        return db.withConnection(
                "reading the mapping of company " + companyId,
                c -> one(c, byCompany, params("company", companyId.trim())));
    }

    @Override
    public Optional<TenantMapping> findByTenant(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return db.withConnection(
                "reading the mapping of tenant " + tenant, c -> one(c, byTenant, params("tenant", tenant.value())));
    }

    /** Reads the tenant's row locked, applies {@code change} and writes the result, in one transaction. */
    @Override
    public Optional<TenantMapping> change(TenantId tenant, UnaryOperator<TenantMapping> change) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(change, "change");
        return db.inTransaction("changing the mapping of tenant " + tenant, c -> {
            Optional<TenantMapping> current = one(c, byTenantForUpdate, params("tenant", tenant.value()));
            if (current.isEmpty()) {
                return current;
            }
            TenantMapping changed = TenantMapper.checkedChange(current.get(), change);
            if (!changed.equals(current.get())) {
                db.update(c, update, values(changed));
            }
            return Optional.of(changed);
        });
    }

    @Override
    public List<TenantMapping> list() {
        return db.withConnection("listing mappings", c -> db.query(c, all, Map.of(), JdbcTenantMapper::read));
    }

    private void refuseConflict(Connection c, TenantMapping mapping) throws SQLException {
        Optional<TenantMapping> owner =
                one(c, byTenant, params("tenant", mapping.tenant().value()));
        if (owner.isPresent()) {
            throw new MappingConflictException(
                    "Tenant " + mapping.tenant() + " is already mapped to company "
                            + owner.get().companyId()
                            + "; a tenant maps to one company at a time. Delete that mapping first"
                            + " to move the tenant.",
                    owner.get());
        }
        Optional<TenantMapping> current = one(c, byCompany, params("company", mapping.companyId()));
        if (current.isPresent()) {
            throw new MappingConflictException(
                    "Company " + mapping.companyId() + " is already mapped to tenant "
                            + current.get().tenant()
                            + "; delete that mapping first to map the company to another tenant.",
                    current.get());
        }
    }

    private Optional<TenantMapping> one(Connection c, NamedSql query, Map<String, ?> params) throws SQLException {
        return db.query(c, query, params, JdbcTenantMapper::read).stream().findFirst();
    }

    private Map<String, Object> values(TenantMapping m) {
        TenantBlock block = m.block();
        Map<String, Object> values = params(
                "company",
                m.companyId(),
                "tenant",
                m.tenant().value(),
                "credential",
                m.credentialName(),
                "name",
                m.displayName(),
                "domain",
                m.defaultDomain(),
                "paused",
                m.paused(),
                "now",
                db.now(),
                "datasets",
                m.datasets().stream().map(Dataset::key).collect(Collectors.joining(",")));
        values.putAll(params(
                "excluded",
                m.excluded(),
                "interval",
                m.interval() == null ? null : m.interval().toMillis(),
                "blockedBy",
                block == null ? null : block.failure().name(),
                "blockedReason",
                block == null ? null : block.reason(),
                "blockedSince",
                block == null ? null : block.since(),
                "blockedCredential",
                block == null ? null : block.credential()));
        return values;
    }

    private static TenantMapping read(Row row) throws SQLException {
        EnumSet<Dataset> datasets = EnumSet.noneOf(Dataset.class);
        for (String key : row.string("datasets").split(",")) {
            datasets.add(Dataset.of(key));
        }
        Long interval = row.bigint("sync_interval_ms");
        String blockedBy = row.string("blocked_by");
        TenantBlock block = blockedBy == null
                ? null
                : new TenantBlock(
                        failure(blockedBy),
                        row.string("blocked_reason"),
                        row.instant("blocked_since"),
                        row.string("blocked_credential"));
        return new TenantMapping(
                row.string("company_id"),
                TenantId.of(row.string("tenant_id")),
                row.string("credential_name"),
                row.string("display_name"),
                row.string("default_domain"),
                datasets,
                row.bool("paused"),
                row.bool("excluded"),
                interval == null ? null : Duration.ofMillis(interval),
                block);
    }

    /** A stored failure's name; one this version does not know (written by a newer one) reads as UNKNOWN. */
    private static TokenFailure failure(String name) {
        try {
            return TokenFailure.valueOf(name);
        } catch (IllegalArgumentException e) {
            return TokenFailure.UNKNOWN;
        }
    }
}
