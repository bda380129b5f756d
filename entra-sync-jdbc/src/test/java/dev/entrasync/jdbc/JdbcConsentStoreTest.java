package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.TenantId;
import dev.entrasync.onboarding.ConsentRecord;
import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class JdbcConsentStoreTest {

    private static final TenantId A = TenantId.of(TestUsers.TENANT_A);
    private static final TenantId B = TenantId.of(TestUsers.TENANT_B);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeTime clock = new FakeTime(NOW);

    @DatabaseTest
    void consentsAreKeptPerCredentialAndTenant(TestDatabase db) {
        JdbcConsentStore store = db.storageBuilder().clock(clock).build().consentStore();
        ConsentRecord a =
                new ConsentRecord("default", A, "company-1", Set.of("User.Read.All", "AuditLog.Read.All"), NOW);
        ConsentRecord b = new ConsentRecord("default", B, null, Set.of(), NOW);

        store.save(b);
        store.save(a);
        store.save(new ConsentRecord("other", A, null, Set.of("Directory.Read.All"), NOW));

        assertThat(store.find("default", A)).contains(a);
        assertThat(store.list("default")).containsExactly(a, b);
        assertThat(store.delete("default", A)).isTrue();
        assertThat(store.delete("default", A)).isFalse();
        assertThat(store.find("other", A)).isPresent();
    }

    @DatabaseTest
    void aNonceIsUsableOnceUntilItsLinkExpires(TestDatabase db) {
        JdbcConsentStore store = db.storageBuilder().clock(clock).build().consentStore();
        Instant until = NOW.plus(Duration.ofMinutes(30));

        assertThat(store.markStateUsed("n1", until)).isTrue();
        assertThat(store.markStateUsed("n1", until)).isFalse();
        clock.advance(Duration.ofHours(1));
        store.markStateUsed("n2", clock.instant().plusSeconds(60));

        assertThat(db.count("consent_nonces", "")).isEqualTo(1);
    }

    @DatabaseTest
    void concurrentUsesOfOneNonceSucceedOnce(TestDatabase db) throws Exception {
        JdbcConsentStore store = db.storageBuilder().clock(clock).build().consentStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(() -> store.markStateUsed("replayed", NOW.plusSeconds(600)));
        }

        List<Future<Boolean>> outcomes = pool.invokeAll(uses);
        pool.shutdown();

        long accepted = 0;
        for (Future<Boolean> outcome : outcomes) {
            accepted += outcome.get() ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(1);
    }
}
