package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRecord;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testing.FakeTime;
import dev.entrasync.testing.RecordingSink;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated 10,000-user tenant synced in full and then by delta through the real engine (MSAL, Graph SDK
 * core, the simulated cloud on localhost) into each database, every store being a JDBC one. The tables are
 * checked against the simulated cloud (row counts, a sample of users) and against the reference
 * a recording sink keeps of the same sessions (every record of every dataset).
 */
class EngineIntoDatabaseTest {

    private static final int USERS = 10_000;
    private static final List<Class<? extends EntraRecord>> TYPES = List.of(
            EntraUser.class,
            EntraDevice.class,
            EntraGroup.class,
            EntraLicense.class,
            EntraRole.class,
            EntraAuditEvent.class,
            EntraSecureScore.class,
            EntraSecureScoreControl.class,
            EntraTenantProfile.class,
            dev.entrasync.model.EntraSignInActivity.class,
            dev.entrasync.model.EntraConditionalAccessPolicy.class,
            dev.entrasync.model.EntraSecurityDefaults.class);

    @DatabaseTest
    void fullThenDeltaSyncOfTenThousandUsersLandsInTheTables(TestDatabase db) {
        FakeTime clock = new FakeTime(SimulatedHost.AS_OF.plus(Duration.ofHours(8)));
        JdbcStorage storage = db.storageBuilder().clock(clock).build();
        try (SimulatedHost host = new SimulatedHost(storage, clock, clock)) {
            SimulatedTenant simulated = host.tenant("Fabrikam", USERS, 400, 60);
            TenantId tenant = TenantId.of(simulated.id());
            RecordingSink reference = new RecordingSink(storage.datasetSink());
            JdbcQueries queries = storage.queries();
            try (SyncEngine engine = host.engine().sink(reference).build()) {
                SyncResult full = engine.sync("msp", tenant, EnumSet.allOf(Dataset.class));

                assertThat(full.datasets())
                        .allSatisfy(r -> assertThat(r.status())
                                .as(r.dataset().key() + ": " + r.error())
                                .isEqualTo(DatasetResult.Status.SUCCEEDED));
                assertThat(full.dataset(Dataset.USERS).orElseThrow().mode()).isEqualTo(DatasetResult.Mode.FULL);
                assertThat(queries.count(tenant, EntraUser.class))
                        .isEqualTo(simulated.users().size())
                        .isEqualTo(USERS);
                assertThat(queries.count(tenant, EntraDevice.class))
                        .isEqualTo(simulated.devices().size());
                assertThat(queries.count(tenant, EntraGroup.class))
                        .isEqualTo(simulated.groups().size());
                assertThat(queries.count(tenant, dev.entrasync.model.EntraSignInActivity.class))
                        .isEqualTo(USERS);
                assertThat(queries.count(tenant, dev.entrasync.model.EntraConditionalAccessPolicy.class))
                        .isEqualTo(simulated.conditionalAccessPolicies().size());
                assertThat(queries.count(tenant, dev.entrasync.model.EntraSecurityDefaults.class))
                        .isEqualTo(1);
                assertSampleMatchesTheCloud(queries, tenant, simulated);
                assertTablesEqualReference(queries, reference, tenant);

                List<String> ids = simulated.users().list().stream()
                        .map(u -> (String) u.get("id"))
                        .sorted()
                        .toList();
                for (int i = 0; i < 20; i++) {
                    simulated.users().update(ids.get(i * 7), Map.of("displayName", "Renamed " + i));
                }
                for (int i = 0; i < 10; i++) {
                    simulated.users().delete(ids.get(5000 + i));
                }
                clock.advance(Duration.ofHours(24));
                java.time.Instant deltaStart = clock.instant();

                SyncResult delta = engine.sync("msp", tenant, EnumSet.allOf(Dataset.class));

                DatasetResult users = delta.dataset(Dataset.USERS).orElseThrow();
                assertThat(users.status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
                assertThat(users.mode()).isEqualTo(DatasetResult.Mode.DELTA);
                assertThat(users.rowsRemoved()).isEqualTo(10);
                assertThat(queries.count(tenant, EntraUser.class)).isEqualTo(USERS - 10);
                assertThat(queries.count(tenant, dev.entrasync.model.EntraSignInActivity.class))
                        .isEqualTo(USERS - 10);
                assertThat(queries.rows(tenant, EntraUser.class, true, 0, USERS + 1))
                        .hasSize(USERS)
                        .filteredOn(StoredRecord::removed)
                        .hasSize(10)
                        .allSatisfy(r -> assertThat(r.removedAt()).isBetween(deltaStart, clock.instant()));
                assertThat(queries.records(tenant, EntraUser.class))
                        .filteredOn(u -> u.displayName().startsWith("Renamed "))
                        .hasSize(20);
                assertSampleMatchesTheCloud(queries, tenant, simulated);
                assertTablesEqualReference(queries, reference, tenant);
                assertThat(storage.checkpointStore()
                                .load(tenant, Dataset.USERS)
                                .orElseThrow()
                                .deltaLink())
                        .isNotBlank();
                assertThat(storage.jobStore().history(tenant, 0, 10))
                        .hasSize(2)
                        .extracting(SyncJob::status)
                        .containsOnly(JobStatus.SUCCEEDED);
                assertThat(db.assertNoTableContains(SimulatedHost.SECRET)).isGreaterThan(USERS * 20L);
            }
        }
    }

    /** 50 users picked at random: their key fields in the table equal the simulated directory's. */
    private static void assertSampleMatchesTheCloud(JdbcQueries queries, TenantId tenant, SimulatedTenant simulated) {
        List<EntraUser> stored = queries.records(tenant, EntraUser.class);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            EntraUser user = stored.get(random.nextInt(stored.size()));
            Map<String, Object> cloud = simulated.users().get(user.id());
            assertThat(cloud).as(user.id()).isNotNull();
            assertThat(user.userPrincipalName()).isEqualTo(cloud.get("userPrincipalName"));
            assertThat(user.displayName()).isEqualTo(cloud.get("displayName"));
            assertThat(user.accountEnabled()).isEqualTo(cloud.get("accountEnabled"));
            assertThat(user.userType()).isEqualTo(cloud.get("userType"));
        }
    }

    /** Every record of every type equals what the recording sink holds after the same sessions. */
    private static void assertTablesEqualReference(JdbcQueries queries, RecordingSink reference, TenantId tenant) {
        for (Class<? extends EntraRecord> type : TYPES) {
            Dataset dataset = datasetOf(type);
            List<EntraRecord> expected = new ArrayList<>(reference.<EntraRecord>records(tenant, dataset).stream()
                    .filter(type::isInstance)
                    .toList());
            List<EntraRecord> actual = new ArrayList<>(queries.records(tenant, type));
            expected.sort(Comparator.comparing(EntraRecord::id));
            actual.sort(Comparator.comparing(EntraRecord::id));
            assertThat(actual).as(type.getSimpleName()).isNotEmpty().isEqualTo(expected);
        }
    }

    private static Dataset datasetOf(Class<? extends EntraRecord> type) {
        return dev.entrasync.jdbc.internal.DatasetTables.forType(type).dataset();
    }
}
