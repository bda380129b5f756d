package dev.entrasync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraUser;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@EntraSyncTest(
        tenant = "Fabrikam",
        users = 50,
        datasets = {Dataset.USERS, Dataset.GROUPS})
class SimulatedCloudExtensionTest {

    private final TestHost host;

    SimulatedCloudExtensionTest(TestHost host) {
        this.host = host;
    }

    @Test
    void syncsTheSimulatedTenantIntoTheRecordingSink(
            SyncEngine engine, TenantId tenant, SimulatedTenant simulated, RecordingSink sink, FakeTime time) {
        SyncResult result = engine.sync(TestHost.CREDENTIAL, tenant, Set.of(Dataset.USERS));

        assertThat(result.dataset(Dataset.USERS).orElseThrow().status()).isEqualTo(DatasetResult.Status.SUCCEEDED);
        assertThat(sink.<EntraUser>records(tenant, Dataset.USERS))
                .hasSize(50)
                .extracting(EntraUser::id)
                .containsExactlyInAnyOrderElementsOf(simulated.users().list().stream()
                        .map(u -> (String) u.get("id"))
                        .toList());
        assertThat(sink.sessions(tenant)).singleElement().satisfies(s -> {
            assertThat(s.completed()).isTrue();
            assertThat(s.fullRun()).isTrue();
            assertThat(s.runId()).isEqualTo(result.runId());
        });
        assertThat(simulated.displayName()).isEqualTo("Fabrikam");
        assertThat(time.instant()).isAfterOrEqualTo(FakeTime.DEFAULT_START);
    }

    @Test
    void everyParameterOfOneTestSharesOneHost(
            SimulatedCloud cloud, EntraSync runtime, SyncEngine engine, Clock clock, FakeTime time, TestHost same) {
        assertThat(same).isSameAs(host);
        assertThat(cloud).isSameAs(host.cloud());
        assertThat(runtime).isSameAs(host.runtime());
        assertThat(engine).isSameAs(host.engine());
        assertThat(clock).isSameAs(time).isSameAs(host.fakeTime().orElseThrow());
        assertThat(host.tenants().findByTenant(host.tenantId()).orElseThrow().datasets())
                .isEqualTo(EnumSet.of(Dataset.USERS, Dataset.GROUPS));
    }

    @Test
    void theEngineReadsTheFakeTimeTheTestMoves(SyncEngine engine, TenantId tenant, FakeTime time) {
        time.advance(Duration.ofDays(3));
        engine.sync(TestHost.CREDENTIAL, tenant, Set.of(Dataset.USERS));

        assertThat(engine.jobs().latest(tenant).orElseThrow().finishedAt())
                .isAfterOrEqualTo(FakeTime.DEFAULT_START.plus(Duration.ofDays(3)));
    }

    @Nested
    class OnTheSystemClock {

        private SimulatedTenant second;

        @BeforeEach
        void anotherTenant(TestHost nested) {
            second = nested.addTenant("Northwind", 5, Dataset.USERS);
        }

        @Test
        @EntraSyncTest(users = 3, fakeTime = false)
        void theMethodsAnnotationWinsAndMoreTenantsCanBeAdded(TestHost nested, SyncEngine engine, Clock clock) {
            assertThat(nested).as("the enclosing instance shares the host").isSameAs(host);
            assertThat(nested.fakeTime()).isEmpty();
            assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
            assertThat(nested.tenant().users().size()).isEqualTo(3);

            engine.sync(TestHost.CREDENTIAL, TenantId.of(second.id()), Set.of(Dataset.USERS));

            assertThat(nested.sink().records(TenantId.of(second.id()), Dataset.USERS))
                    .hasSize(5);
        }
    }
}
