package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.MappingConflictException;
import dev.entrasync.SinkContext;
import dev.entrasync.SyncedData;
import dev.entrasync.TenantBlock;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class JdbcTenantMapperTest {

    private static final TenantId A = TenantId.of(TestUsers.TENANT_A);
    private static final TenantId B = TenantId.of(TestUsers.TENANT_B);

    private static TenantMapping mapping(String company, TenantId tenant) {
        return new TenantMapping(
                company,
                tenant,
                "default",
                "Contoso " + company,
                "contoso.com",
                EnumSet.of(Dataset.USERS, Dataset.AUDIT_LOGS),
                false);
    }

    @DatabaseTest
    void mappingsAreFoundByCompanyAndTenantAndListedInTheOrderMade(TestDatabase db) {
        JdbcTenantMapper mapper = db.storageBuilder().build().tenantMapper();

        mapper.map(mapping("zeta", A));
        mapper.map(mapping("alpha", B));

        assertThat(mapper.findByCompany("zeta")).contains(mapping("zeta", A));
        assertThat(mapper.findByTenant(B)).contains(mapping("alpha", B));
        assertThat(mapper.list()).extracting(TenantMapping::companyId).containsExactly("zeta", "alpha");
    }

    @DatabaseTest
    void secondMappingOfATenantOrCompanyIsRefusedNamingTheOwner(TestDatabase db) {
        JdbcTenantMapper mapper = db.storageBuilder().build().tenantMapper();
        mapper.map(mapping("c1", A));

        assertThatThrownBy(() -> mapper.map(mapping("c2", A)))
                .isInstanceOfSatisfying(
                        MappingConflictException.class,
                        e -> assertThat(e.existing()).isEqualTo(mapping("c1", A)))
                .hasMessageContaining("already mapped to company c1");
        assertThatThrownBy(() -> mapper.map(mapping("c1", B)))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("Company c1 is already mapped to tenant " + A);
        assertThat(mapper.list()).hasSize(1);
    }

    @DatabaseTest
    void concurrentMappingsOfOneTenantStoreExactlyOne(TestDatabase db) throws Exception {
        JdbcTenantMapper mapper = db.storageBuilder().build().tenantMapper();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String company = "c" + i;
            attempts.add(() -> {
                try {
                    mapper.map(mapping(company, A));
                    return true;
                } catch (MappingConflictException e) {
                    return false;
                }
            });
        }

        List<Future<Boolean>> outcomes = pool.invokeAll(attempts);
        pool.shutdown();

        long stored = 0;
        for (Future<Boolean> outcome : outcomes) {
            stored += outcome.get() ? 1 : 0;
        }
        assertThat(stored).isEqualTo(1);
        assertThat(mapper.list()).hasSize(1);
    }

    @DatabaseTest
    void updateChangesDatasetsAndPauseButNeverTheTenant(TestDatabase db) {
        JdbcTenantMapper mapper = db.storageBuilder().build().tenantMapper();
        mapper.map(mapping("c1", A));

        mapper.update(mapping("c1", A).withDatasets(Set.of(Dataset.DEVICES)).withPaused(true));

        assertThat(mapper.findByCompany("c1").orElseThrow().datasets()).containsExactly(Dataset.DEVICES);
        assertThat(mapper.findByCompany("c1").orElseThrow().paused()).isTrue();
        assertThatThrownBy(() -> mapper.update(mapping("c1", B))).hasMessageContaining("delete and map again");
        assertThatThrownBy(() -> mapper.update(mapping("c9", B))).hasMessageContaining("has no mapping to update");
    }

    @DatabaseTest
    void deleteWithPurgeRemovesTheTenantsDataAndCheckpointsOnly(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcTenantMapper mapper = storage.tenantMapper();
        mapper.map(mapping("c1", A));
        mapper.map(mapping("c2", B));
        for (TenantId tenant : List.of(A, B)) {
            DatasetSink.Session session = storage.datasetSink().open(new SinkContext(tenant, Dataset.USERS, "r", true));
            session.upsert(TestUsers.users(0, 3));
            session.complete();
            storage.checkpointStore().save(tenant, Dataset.USERS, Checkpoint.delta("link", null));
        }

        assertThat(mapper.delete("c1", SyncedData.PURGE)).contains(mapping("c1", A));

        assertThat(mapper.delete("c1", SyncedData.PURGE)).isEmpty();
        assertThat(storage.queries().count(A, dev.entrasync.model.EntraUser.class))
                .isZero();
        assertThat(storage.checkpointStore().load(A, Dataset.USERS)).isEmpty();
        assertThat(storage.queries().count(B, dev.entrasync.model.EntraUser.class))
                .isEqualTo(3);
        assertThat(storage.checkpointStore().load(B, Dataset.USERS)).isPresent();
        assertThat(mapper.delete("c2", SyncedData.KEEP)).isPresent();
        assertThat(storage.queries().count(B, dev.entrasync.model.EntraUser.class))
                .isEqualTo(3);
    }

    @DatabaseTest
    void controlsAreStoredWithTheMappingAndConcurrentChangesAreAllKept(TestDatabase db) throws Exception {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcTenantMapper mapper = storage.tenantMapper();
        mapper.map(mapping("c1", A));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            changes.add(pool.submit(() -> mapper.change(
                    A, m -> m.withInterval((m.interval() == null ? Duration.ZERO : m.interval()).plusMinutes(1)))));
        }
        for (Future<?> change : changes) {
            change.get();
        }
        pool.shutdown();
        TenantBlock block = new TenantBlock(
                TokenFailure.APP_NOT_IN_TENANT,
                "AADSTS700016: not in tenant",
                Instant.parse("2026-12-01T10:15:30.123456Z"),
                "0123456789abcdef0123456789abcdef");

        TenantMapping changed =
                mapper.change(A, m -> m.withExcluded(true).withBlock(block)).orElseThrow();

        TenantMapping read =
                db.storageBuilder().build().tenantMapper().findByTenant(A).orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(read.interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(read.excluded()).isTrue();
        assertThat(read.block()).isEqualTo(block);
        assertThat(mapper.change(A, m -> m.withBlock(null).withInterval(null).withExcluded(false))
                        .orElseThrow())
                .isEqualTo(mapping("c1", A));
        assertThat(mapper.findByTenant(A)).contains(mapping("c1", A));
        assertThat(mapper.change(B, m -> m.withExcluded(true))).isEmpty();
        assertThatThrownBy(() -> mapper.change(A, m -> mapping("c2", A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("change: may not move");
    }

    @DatabaseTest
    void aMappingStoredWithoutControlsReadsAsNotExcludedOnTheEngineIntervalAndNotBlocked(TestDatabase db) {
        JdbcTenantMapper mapper = db.storageBuilder().build().tenantMapper();
        // A row as entra-sync wrote it before the controls existed (migration V6 adds the columns to such rows).
        db.execute("INSERT INTO " + db.table("tenant_mappings") + " (company_id, tenant_id, credential_name,"
                + " datasets, paused, mapped_at) VALUES ('c1', '" + A.value() + "', 'default', 'users', FALSE,"
                + " CURRENT_TIMESTAMP)");

        TenantMapping read = mapper.findByTenant(A).orElseThrow();

        assertThat(read.excluded()).isFalse();
        assertThat(read.interval()).isNull();
        assertThat(read.block()).isNull();
        assertThat(mapper.change(A, m -> m.withExcluded(true)).orElseThrow().excluded())
                .isTrue();
    }
}
