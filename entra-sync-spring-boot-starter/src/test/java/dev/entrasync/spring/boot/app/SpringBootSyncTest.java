package dev.entrasync.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.findings.AffectedObject;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.JdbcTenantMapper;
import dev.entrasync.model.EntraUser;
import dev.entrasync.spring.boot.EntraSyncHealthIndicator;
import dev.entrasync.spring.boot.internal.EngineStarter;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application with the starter and an H2 DataSource, syncing a simulated tenant through the
 * auto-configured engine into the database, then reading the rows back. In a package of its own, as a host's
 * application is.
 */
@SpringBootTest(classes = SpringBootSyncTest.App.class)
class SpringBootSyncTest {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    private static final int USERS = 40;

    private static final SimulatedCloud MICROSOFT = SimulatedCloud.start();
    private static final SimulatedTenant CONTOSO;

    static {
        MICROSOFT.registerApp(CLIENT_ID, "boot-secret");
        CONTOSO = MICROSOFT.addTenant(
                TenantBuilder.create("Contoso").seed(7).users(USERS).build());
        CONTOSO.consent(MICROSOFT.app(CLIENT_ID), Permissions.allRead());
    }

    /** The application: nothing but Boot's auto-configuration. */
    @SpringBootApplication
    static class App {
        /** The application's own finding rule: a bean, evaluated after each job beside the built-in rules. */
        @Bean
        FindingRule everyUser() {
            return FindingRule.of(
                    "acme-every-user",
                    "Every synced user",
                    Severity.INFO,
                    EnumSet.of(Dataset.USERS),
                    "None.",
                    data -> data.records(EntraUser.class).stream()
                            .map(u -> new AffectedObject(u.id(), u.userPrincipalName()))
                            .toList());
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:spring-boot-sync;DB_CLOSE_DELAY=-1");
        registry.add("entra-sync.credential.name", () -> "msp");
        registry.add("entra-sync.credential.cloud", () -> "custom");
        registry.add("entra-sync.credential.login-url", MICROSOFT::loginUrl);
        registry.add("entra-sync.credential.graph-url", MICROSOFT::graphUrl);
        registry.add("entra-sync.credential.home-tenant", () -> "northwindmsp.onmicrosoft.com");
        registry.add("entra-sync.credential.client-id", () -> CLIENT_ID);
        // as in production: the secret is resolved from a variable, never written beside the other properties
        registry.add("entra-sync.credential.client-secret", () -> "${ENTRA_CLIENT_SECRET}");
        registry.add("ENTRA_CLIENT_SECRET", () -> "boot-secret");
        registry.add("entra-sync.datasets", () -> "users,groups,tenant-profile");
        registry.add("entra-sync.tenants[0].company-id", () -> "acme");
        registry.add("entra-sync.tenants[0].tenant-id", CONTOSO::id);
        registry.add("entra-sync.tenants[0].name", () -> "Contoso");
    }

    @AfterAll
    static void stopCloud() {
        MICROSOFT.close();
    }

    @Autowired
    SyncEngine engine;

    @Autowired
    TenantMapper tenants;

    @Autowired
    JdbcQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EngineStarter starter;

    @Autowired
    EntraSyncHealthIndicator health;

    @Autowired
    MeterRegistry meters; // Spring Boot's own, from spring-boot-micrometer-metrics

    @Test
    void syncsTheMappedTenantIntoTheApplicationsDatabase() throws InterruptedException {
        TenantId tenant = TenantId.of(CONTOSO.id());
        assertThat(tenants).isInstanceOf(JdbcTenantMapper.class);
        assertThat(tenants.findByCompany("acme").orElseThrow().datasets())
                .containsExactlyInAnyOrder(Dataset.USERS, Dataset.GROUPS, Dataset.TENANT_PROFILE);
        assertThat(starter.started()).as("started on ApplicationReadyEvent").isTrue();

        SyncJob job = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(2));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        // read back through entra-sync-jdbc's queries, and with plain SQL on the application's DataSource
        List<EntraUser> users = queries.records(tenant, EntraUser.class);
        assertThat(users).hasSize(CONTOSO.users().size()); // members and guests
        Set<String> simulated = CONTOSO.users().list().stream()
                .map(u -> (String) u.get("userPrincipalName"))
                .collect(Collectors.toSet());
        assertThat(users).extracting(EntraUser::userPrincipalName).containsExactlyInAnyOrderElementsOf(simulated);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT COUNT(*) AS n, MIN(user_principal_name) AS first FROM entra_users WHERE tenant_id = ?",
                CONTOSO.id());
        assertThat(((Number) row.get("N")).intValue()).isEqualTo(CONTOSO.users().size());
        assertThat(simulated).contains((String) row.get("FIRST"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM entra_jobs WHERE tenant_id = ? AND status = 'SUCCEEDED'",
                        Integer.class,
                        CONTOSO.id()))
                .isGreaterThanOrEqualTo(1);
        assertThat(queries.findings(tenant))
                .as("the application's rule was evaluated after the job and stored")
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.finding().ruleId()).isEqualTo("acme-every-user");
                    assertThat(f.finding().affected()).hasSize(CONTOSO.users().size());
                });
        assertThat(health.health().getDetails()).containsEntry("healthy", 1);
        assertThat(meters.get("entrasync.jobs.finished")
                        .tag("status", "SUCCEEDED")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("entrasync.graph.requests")
                        .tag("dataset", "users")
                        .counter()
                        .count())
                .isPositive();
    }
}
