package dev.entrasync.spring.boot;

import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.CLIENT_ID;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.SECRET;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.TENANT;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.runner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TokenFailure;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The entraSync health indicator: up, degraded with blocked and failing tenants named, and when it is left out. */
class EntraSyncHealthIndicatorTest {

    private static final String FABRIKAM = "7d3e5f1a-2b4c-4d6e-8f0a-1b2c3d4e5f6a";

    @Test
    void upWhenEveryTenantIsHealthy() {
        runner().withPropertyValues(
                        "entra-sync.tenants[0].company-id=acme", "entra-sync.tenants[0].tenant-id=" + TENANT)
                .run(context -> {
                    Health health = context.getBean("entraSyncHealthIndicator", EntraSyncHealthIndicator.class)
                            .health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails())
                            .containsEntry("tenants", 1)
                            .containsEntry("healthy", 1)
                            .containsEntry("blockedCount", 0)
                            .containsEntry("failingCount", 0)
                            .doesNotContainKeys("blocked", "failing");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void degradedNamingABlockedTenantAndAFailingOne() {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, SECRET);
            // Contoso's administrator never consented: the token request fails permanently and the engine blocks it
            microsoft.addTenant(
                    TenantBuilder.create("Contoso").tenantId(TENANT).users(3).build());
            microsoft
                    .addTenant(TenantBuilder.create("Fabrikam")
                            .tenantId(FABRIKAM)
                            .users(3)
                            .build())
                    .consent(microsoft.app(CLIENT_ID), Permissions.allRead());
            runner().withPropertyValues(
                            "entra-sync.credential.cloud=custom",
                            "entra-sync.credential.login-url=" + microsoft.loginUrl(),
                            "entra-sync.credential.graph-url=" + microsoft.graphUrl(),
                            "entra-sync.datasets=users",
                            "entra-sync.tenants[0].company-id=acme",
                            "entra-sync.tenants[0].tenant-id=" + TENANT,
                            "entra-sync.tenants[0].name=Contoso",
                            "entra-sync.tenants[1].company-id=fab",
                            "entra-sync.tenants[1].tenant-id=" + FABRIKAM,
                            "entra-sync.tenants[1].name=Fabrikam",
                            // a mapping naming a credential nobody configured: its jobs fail, it is not blocked
                            "entra-sync.tenants[1].credential=retired")
                    .run(context -> {
                        SyncEngine engine = context.getBean(SyncEngine.class);
                        SyncJob contoso =
                                engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(1));
                        SyncJob fabrikam =
                                engine.await(engine.syncNowForCompany("fab").id(), Duration.ofMinutes(1));
                        assertThat(contoso.status()).isEqualTo(JobStatus.FAILED);
                        assertThat(fabrikam.status()).isEqualTo(JobStatus.FAILED);

                        Health health =
                                context.getBean(EntraSyncHealthIndicator.class).health();

                        assertThat(health.getStatus()).isEqualTo(EntraSyncHealthIndicator.DEGRADED);
                        assertThat(health.getDetails())
                                .containsEntry("tenants", 2)
                                .containsEntry("healthy", 0)
                                .containsEntry("blockedCount", 1)
                                .containsEntry("failingCount", 1);
                        List<Map<String, Object>> blocked =
                                (List<Map<String, Object>>) health.getDetails().get("blocked");
                        assertThat(blocked).hasSize(1);
                        assertThat(blocked.get(0))
                                .containsEntry("tenant", TENANT)
                                .containsEntry("company", "acme")
                                .containsEntry("name", "Contoso")
                                .containsEntry("failure", TokenFailure.APP_NOT_IN_TENANT.name())
                                .containsEntry("fix", TokenFailure.APP_NOT_IN_TENANT.fix())
                                .containsKeys("reason", "since");
                        List<Map<String, Object>> failing =
                                (List<Map<String, Object>>) health.getDetails().get("failing");
                        assertThat(failing).hasSize(1);
                        assertThat(failing.get(0))
                                .containsEntry("tenant", FABRIKAM)
                                .containsEntry("name", "Fabrikam")
                                .containsEntry("consecutiveFailures", 1);
                        assertThat(failing.get(0).get("lastError").toString())
                                .contains("No credential named 'retired'");
                        assertThat(health.toString()).doesNotContain(SECRET);
                    });
        }
    }

    @Test
    void degradedIsLeftOutOfBootsDefaultAggregateUnlessTheHostOrdersIt() {
        Set<Status> statuses = Set.of(Status.UP, EntraSyncHealthIndicator.DEGRADED);

        assertThat(StatusAggregator.getDefault().getAggregateStatus(statuses)).isEqualTo(Status.UP);
        assertThat(new SimpleStatusAggregator("down", "out-of-service", "degraded", "up", "unknown")
                        .getAggregateStatus(statuses))
                .isEqualTo(EntraSyncHealthIndicator.DEGRADED);
    }

    @Test
    void noIndicatorWithoutSpringBootHealthOrWhenTurnedOff() {
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context)
                        .hasSingleBean(SyncEngine.class)
                        .doesNotHaveBean(EntraSyncHealthIndicator.class));
        runner().withPropertyValues("management.health.entrasync.enabled=false")
                .run(context -> assertThat(context)
                        .hasSingleBean(SyncEngine.class)
                        .doesNotHaveBean(EntraSyncHealthIndicator.class));
    }
}
