package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Checkpoint;
import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import java.time.Instant;
import java.util.Set;

class JdbcCheckpointStoreTest {

    private static final TenantId TENANT = TenantId.of(TestUsers.TENANT_A);
    private static final String LINK = "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=" + "x".repeat(3000);

    @DatabaseTest
    void savedCheckpointLoadsBackPerTenantAndDataset(TestDatabase db) {
        JdbcCheckpointStore store = db.storageBuilder().build().checkpointStore();
        Checkpoint users = new Checkpoint(
                LINK, null, Instant.parse("2026-03-01T00:00:00.123456Z"), Set.of(TestUsers.id(1), TestUsers.id(2)));
        Checkpoint audits = Checkpoint.watermark(Instant.parse("2026-03-02T10:11:12Z"));

        store.save(TENANT, Dataset.USERS, users);
        store.save(TENANT, Dataset.AUDIT_LOGS, audits);

        assertThat(store.load(TENANT, Dataset.USERS)).contains(users);
        assertThat(store.load(TENANT, Dataset.AUDIT_LOGS)).contains(audits);
        assertThat(store.load(TENANT, Dataset.GROUPS)).isEmpty();
        assertThat(store.load(TenantId.of(TestUsers.TENANT_B), Dataset.USERS)).isEmpty();
    }

    @DatabaseTest
    void saveReplacesAndDeleteForgets(TestDatabase db) {
        JdbcCheckpointStore store = db.storageBuilder().build().checkpointStore();
        store.save(TENANT, Dataset.USERS, Checkpoint.delta("first", null));

        store.save(TENANT, Dataset.USERS, Checkpoint.delta("second", null));

        assertThat(store.load(TENANT, Dataset.USERS).map(Checkpoint::deltaLink)).contains("second");
        store.delete(TENANT, Dataset.USERS);
        assertThat(store.load(TENANT, Dataset.USERS)).isEmpty();
    }
}
