package dev.entrasync.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.CheckpointStore;
import dev.entrasync.Cloud;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStore;
import dev.entrasync.SyncEngine;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.findings.BuiltInRules;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Severity;
import dev.entrasync.jdbc.JdbcCheckpointStore;
import dev.entrasync.jdbc.JdbcDatasetSink;
import dev.entrasync.jdbc.JdbcFindings;
import dev.entrasync.jdbc.JdbcJobStore;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.jdbc.JdbcTenantMapper;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.spring.boot.internal.EngineStarter;
import dev.entrasync.spring.boot.internal.PropertyFailureAnalyzer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every condition of the auto-configuration, with Spring Boot's ApplicationContextRunner. */
@ExtendWith(OutputCaptureExtension.class)
class EntraSyncAutoConfigurationTest {

    static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    static final String SECRET = "Xq8~s3cret-VALUE-from-env";
    static final String TENANT = "2b7c1f4e-9a0d-4e6b-8c3f-5d1a2e4b6c8f";

    /** The starter's auto-configurations, with a complete credential from properties. */
    static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        EntraSyncAutoConfiguration.class,
                        EntraSyncHealthAutoConfiguration.class,
                        EntraSyncActuatorAutoConfiguration.class))
                .withPropertyValues(
                        "entra-sync.credential.name=msp",
                        "entra-sync.credential.client-id=" + CLIENT_ID,
                        "entra-sync.credential.home-tenant=northwindmsp.onmicrosoft.com",
                        "entra-sync.credential.client-secret=${ENTRA_CLIENT_SECRET}")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addLast(new SystemEnvironmentPropertySource(
                                "systemEnvironment", Map.of("ENTRA_CLIENT_SECRET", SECRET))));
    }

    @Test
    void withoutDataSourceTheStoresAreInMemoryAndAWarningSaysSo(CapturedOutput output) {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SyncEngine.class).hasSingleBean(EntraSync.class);
            assertThat(context.getBean(TenantMapper.class)).isInstanceOf(InMemoryTenantMapper.class);
            assertThat(context.getBean(DatasetSink.class)).isInstanceOf(InMemoryDatasetSink.class);
            assertThat(context.getBean(CheckpointStore.class)).isInstanceOf(InMemoryCheckpointStore.class);
            assertThat(context.getBean(JobStore.class)).isInstanceOf(InMemoryJobStore.class);
            assertThat(context).doesNotHaveBean(JdbcStorage.class);
        });
        assertThat(output)
                .contains("WARN")
                .contains("entra-sync keeps its tenant mappings, synced data, delta checkpoints, sync jobs in memory:"
                        + " they will not survive a restart");
    }

    @Test
    void withADataSourceEveryStoreAndTheSinkAreInThatDatabase(CapturedOutput output) {
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:starter-jdbc;DB_CLOSE_DELAY=-1",
                        "entra-sync.tenants[0].company-id=acme",
                        "entra-sync.tenants[0].tenant-id=" + TENANT,
                        "entra-sync.tenants[0].name=Contoso",
                        "entra-sync.tenants[0].datasets=users,audit-logs")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TenantMapper.class)).isInstanceOf(JdbcTenantMapper.class);
                    assertThat(context.getBean(DatasetSink.class)).isInstanceOf(JdbcDatasetSink.class);
                    assertThat(context.getBean(CheckpointStore.class)).isInstanceOf(JdbcCheckpointStore.class);
                    assertThat(context.getBean(JobStore.class)).isInstanceOf(JdbcJobStore.class);
                    assertThat(context).hasSingleBean(JdbcQueries.class);
                    assertThat(context.getBean(JdbcStorage.class).tablePrefix()).isEqualTo("entra_");
                    // the migrations ran and the mapping is in the database: a storage of its own reads it back
                    JdbcStorage other = JdbcStorage.builder(context.getBean(DataSource.class))
                            .migrate(false)
                            .build();
                    TenantMapping mapping =
                            other.tenantMapper().findByCompany("acme").orElseThrow();
                    assertThat(mapping.tenant()).isEqualTo(TenantId.of(TENANT));
                    assertThat(mapping.credentialName()).isEqualTo("msp");
                    assertThat(mapping.displayName()).isEqualTo("Contoso");
                    assertThat(mapping.datasets()).containsExactly(Dataset.USERS, Dataset.AUDIT_LOGS);
                });
        assertThat(output).doesNotContain("in memory");
    }

    @Test
    void aSecondStartKeepsTheMappingsControlsAndTakesNewDatasets() {
        ApplicationContextRunner jdbc = runner().withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:starter-restart;DB_CLOSE_DELAY=-1",
                        "entra-sync.tenants[0].company-id=acme",
                        "entra-sync.tenants[0].tenant-id=" + TENANT);
        jdbc.run(context -> context.getBean(SyncEngine.class).pause(TenantId.of(TENANT)));

        jdbc.withPropertyValues("entra-sync.datasets=devices").run(context -> {
            TenantMapping mapping =
                    context.getBean(TenantMapper.class).findByCompany("acme").orElseThrow();
            assertThat(mapping.paused()).isTrue();
            assertThat(mapping.datasets()).containsExactly(Dataset.DEVICES);
        });
    }

    @Test
    void entraSyncEnabledFalseConfiguresNothing() {
        runner().withPropertyValues("entra-sync.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context)
                    .doesNotHaveBean(EntraSyncProperties.class)
                    .doesNotHaveBean(CredentialStore.class)
                    .doesNotHaveBean(EntraSync.class)
                    .doesNotHaveBean(SyncEngine.class)
                    .doesNotHaveBean(TenantMapper.class)
                    .doesNotHaveBean(DatasetSink.class)
                    .doesNotHaveBean(EngineStarter.class)
                    .doesNotHaveBean(EntraSyncHealthIndicator.class);
        });
    }

    @Test
    void aMissingSecretFailsTheStartNamingThePropertyAndWhatToSet() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EntraSyncAutoConfiguration.class))
                .withPropertyValues(
                        "entra-sync.credential.client-id=" + CLIENT_ID,
                        "entra-sync.credential.home-tenant=northwindmsp.onmicrosoft.com")
                .run(context -> {
                    assertThat(context).hasFailed();
                    EntraSyncPropertyException cause = cause(context);
                    assertThat(cause.property()).isEqualTo("entra-sync.credential.client-secret");
                    assertThat(cause.getMessage())
                            .startsWith("entra-sync.credential.client-secret: is not set")
                            .contains(CLIENT_ID)
                            .contains("${ENTRA_CLIENT_SECRET}")
                            .contains("export ENTRA_CLIENT_SECRET");
                    FailureAnalysis analysis = new PropertyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .startsWith("entra-sync.credential.client-secret: is not set")
                            .doesNotContain("export");
                    assertThat(analysis.getAction()).contains("ENTRA_CLIENT_SECRET");
                });
    }

    @Test
    void anUnresolvedSecretVariableFailsTheStartNamingIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EntraSyncAutoConfiguration.class))
                .withPropertyValues(
                        "entra-sync.credential.client-id=" + CLIENT_ID,
                        "entra-sync.credential.home-tenant=northwindmsp.onmicrosoft.com",
                        "entra-sync.credential.client-secret=${ENTRA_CLIENT_SECRET}")
                .run(context -> {
                    // Boot's binder keeps an unresolved placeholder as text: it must not become the secret
                    assertThat(context).hasFailed();
                    EntraSyncPropertyException cause = cause(context);
                    assertThat(cause.property()).isEqualTo("entra-sync.credential.client-secret");
                    assertThat(cause.getMessage())
                            .contains("'${ENTRA_CLIENT_SECRET}', a placeholder nothing resolved")
                            .contains("Export ENTRA_CLIENT_SECRET");
                });
    }

    @Test
    void theSecretComesFromTheEnvironmentAndIsNeverPrinted(CapturedOutput output) {
        runner().run(context -> {
            AppCredential credential =
                    context.getBean(CredentialStore.class).find("msp").orElseThrow();
            assertThat(credential.secret().reveal()).isEqualTo(SECRET);
            assertThat(credential.clientId()).isEqualTo(CLIENT_ID);
            assertThat(credential.cloud()).isEqualTo(Cloud.GLOBAL);
            EntraSyncProperties properties = context.getBean(EntraSyncProperties.class);
            assertThat(properties.credential().clientSecret()).isEqualTo(SECRET);
            assertThat(properties.toString()).doesNotContain(SECRET).contains("clientSecret=******");
            assertThat(credential.toString()).doesNotContain(SECRET);
        });
        assertThat(output).doesNotContain(SECRET);
    }

    @Test
    void theSecretCanBeSetByItsRelaxedEnvironmentVariable() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EntraSyncAutoConfiguration.class))
                .withPropertyValues(
                        "entra-sync.credential.client-id=" + CLIENT_ID,
                        "entra-sync.credential.home-tenant=northwindmsp.onmicrosoft.com")
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addLast(new SystemEnvironmentPropertySource(
                                "systemEnvironment", Map.of("ENTRA_SYNC_CREDENTIAL_CLIENT_SECRET", SECRET))))
                .run(context -> assertThat(context.getBean(CredentialStore.class)
                                .find("default")
                                .orElseThrow()
                                .secret()
                                .reveal())
                        .isEqualTo(SECRET));
    }

    @Test
    void badPropertiesFailTheStartNamingTheProperty() {
        assertFailsNaming("entra-sync.interval", "entra-sync.interval=30s");
        assertFailsNaming("entra-sync.workers", "entra-sync.workers=0");
        assertFailsNaming(
                "entra-sync.jdbc.table-prefix",
                "spring.datasource.url=jdbc:h2:mem:starter-prefix;DB_CLOSE_DELAY=-1",
                "entra-sync.jdbc.table-prefix=Entra-");
        assertFailsNaming("entra-sync.credential.cloud", "entra-sync.credential.cloud=mars");
        assertFailsNaming("entra-sync.credential.cloud", "entra-sync.credential.login-url=http://127.0.0.1:1234");
        assertFailsNaming("entra-sync.credential.login-url", "entra-sync.credential.cloud=custom");
        assertFailsNaming(
                "entra-sync.credential.graph-url",
                "entra-sync.credential.cloud=custom",
                "entra-sync.credential.login-url=http://127.0.0.1:1234");
        assertFailsNaming(
                "entra-sync.credential.login-url",
                "entra-sync.credential.cloud=custom",
                "entra-sync.credential.login-url=http://login.example.com",
                "entra-sync.credential.graph-url=http://127.0.0.1:1235");
        assertFailsNaming("entra-sync.credential.client-id", "entra-sync.credential.client-id=not-a-guid");
        assertFailsNaming("entra-sync.credential.client-id", "entra-sync.credential.client-id=");
        assertFailsNaming("entra-sync.credential.home-tenant", "entra-sync.credential.home-tenant=not a tenant");
        assertFailsNaming("entra-sync.tenants[0].company-id", "entra-sync.tenants[0].tenant-id=" + TENANT);
        assertFailsNaming(
                "entra-sync.tenants[0].tenant-id",
                "entra-sync.tenants[0].company-id=acme",
                "entra-sync.tenants[0].tenant-id=contoso.onmicrosoft.com");
        assertFailsNaming(
                "entra-sync.tenants[1].tenant-id",
                "entra-sync.tenants[0].company-id=acme",
                "entra-sync.tenants[0].tenant-id=" + TENANT,
                "entra-sync.tenants[1].company-id=other",
                "entra-sync.tenants[1].tenant-id=" + TENANT);
    }

    @Test
    void findingsTakeTheirThresholdsAndDisabledRulesFromPropertiesAndTheApplicationsRules() {
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(HostRule.class)
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:starter-findings;DB_CLOSE_DELAY=-1",
                        "entra-sync.findings.disabled-rules=unassigned-licenses,inactive-accounts",
                        "entra-sync.findings.app-credentials-expiring-within=10d",
                        "entra-sync.findings.privileged-role-assigned-within=12h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcFindings findings = context.getBean(JdbcFindings.class);
                    assertThat(findings)
                            .isSameAs(context.getBean(JdbcStorage.class).findings());
                    List<String> expected = new ArrayList<>();
                    BuiltInRules.all().forEach(r -> expected.add(r.id()));
                    expected.removeAll(List.of("unassigned-licenses", "inactive-accounts"));
                    expected.add("host-rule");
                    assertThat(findings.rules().rules())
                            .extracting(FindingRule::id)
                            .containsExactlyElementsOf(expected);
                    assertThat(findings.rules().rules())
                            .filteredOn(r -> r.id().equals("app-credentials-expiring"))
                            .singleElement()
                            .satisfies(r -> assertThat(r.title()).contains("within 10 days"));
                    assertThat(findings.rules().rules())
                            .filteredOn(r -> r.id().equals("privileged-role-assigned-recently"))
                            .singleElement()
                            .satisfies(r ->
                                    assertThat(r.title()).isEqualTo("Privileged role assigned in the last 12 hours"));
                });
    }

    @Test
    void findingsEnabledFalseLeavesTheListenerOut() {
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:starter-no-findings;DB_CLOSE_DELAY=-1",
                        "entra-sync.findings.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(JdbcFindings.class);
                    assertThat(context.getBean(JdbcStorage.class)
                                    .findings()
                                    .rules()
                                    .rules())
                            .isEmpty();
                });
    }

    @Test
    void badFindingsPropertiesFailTheStartNamingTheProperty() {
        String db = "spring.datasource.url=jdbc:h2:mem:starter-bad-findings;DB_CLOSE_DELAY=-1";
        assertFailsNaming("entra-sync.findings.disabled-rules", db, "entra-sync.findings.disabled-rules=no-such-rule");
        assertFailsNaming(
                "entra-sync.findings.app-credentials-expiring-within",
                db,
                "entra-sync.findings.app-credentials-expiring-within=0d");
        assertFailsNaming("entra-sync.findings.inactive-after", db, "entra-sync.findings.inactive-after=-1d");
        assertFailsNaming(
                "entra-sync.findings.inactive-after", db, "entra-sync.findings.inactive-after=1000000000000d");
        assertFailsNaming(
                "entra-sync.findings.privileged-role-assigned-within",
                db,
                "entra-sync.findings.privileged-role-assigned-within=0s");
        assertFailsNaming(
                "entra-sync.findings.secure-score-drop-points", db, "entra-sync.findings.secure-score-drop-points=-2");
        assertFailsNaming(
                "entra-sync.findings.secure-score-drop-window", db, "entra-sync.findings.secure-score-drop-window=0s");
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(HostRuleWithABuiltInId.class)
                .withPropertyValues(db)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(cause(context).property()).isEqualTo("entra-sync.findings");
                    assertThat(cause(context).getMessage()).contains("'global-admin-count'");
                });
    }

    @Test
    void aCustomCloudTakesTheLoginAndGraphUrls() {
        runner().withPropertyValues(
                        "entra-sync.credential.cloud=custom",
                        "entra-sync.credential.login-url=http://127.0.0.1:50123",
                        "entra-sync.credential.graph-url=http://127.0.0.1:50124")
                .run(context -> {
                    Cloud cloud = context.getBean(CredentialStore.class)
                            .find("msp")
                            .orElseThrow()
                            .cloud();
                    assertThat(cloud.isCustom()).isTrue();
                    assertThat(cloud.loginUrl()).hasToString("http://127.0.0.1:50123");
                    assertThat(cloud.graphUrl()).hasToString("http://127.0.0.1:50124");
                });
    }

    @Test
    void theApplicationsOwnBeansReplaceTheDefaults() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        EntraSyncAutoConfiguration.class,
                        EntraSyncHealthAutoConfiguration.class,
                        DataSourceAutoConfiguration.class))
                .withUserConfiguration(HostBeans.class)
                // no credential properties: the host's CredentialStore is used instead
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:starter-host;DB_CLOSE_DELAY=-1",
                        "entra-sync.credential.name=host",
                        "entra-sync.tenants[0].company-id=acme",
                        "entra-sync.tenants[0].tenant-id=" + TENANT)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(CredentialStore.class).hasSingleBean(TenantMapper.class);
                    assertThat(context.getBean(CredentialStore.class)).isSameAs(HostBeans.CREDENTIALS);
                    assertThat(context.getBean(TenantMapper.class)).isSameAs(HostBeans.MAPPER);
                    assertThat(context.getBean(DatasetSink.class)).isSameAs(HostBeans.SINK);
                    // the stores the host did not give are in its database
                    assertThat(context.getBean(JobStore.class)).isInstanceOf(JdbcJobStore.class);
                    // entra-sync.tenants went into the host's mapper, with the credential named in the properties
                    assertThat(HostBeans.MAPPER
                                    .findByCompany("acme")
                                    .orElseThrow()
                                    .credentialName())
                            .isEqualTo("host");
                });
    }

    @Test
    void anEngineOfTheApplicationsOwnIsNeitherReplacedNorStarted() {
        runner().withUserConfiguration(HostEngine.class).run(context -> {
            assertThat(context).hasSingleBean(SyncEngine.class).doesNotHaveBean(EngineStarter.class);
            assertThat(context.getBean(SyncEngine.class)).isSameAs(context.getBean("hostEngine"));
        });
    }

    @Test
    void theEngineStartsWhenTheApplicationIsReadyAndClosesWithTheContext() {
        EntraSync[] runtime = new EntraSync[1];
        runner().withPropertyValues(
                        "entra-sync.tenants[0].company-id=acme", "entra-sync.tenants[0].tenant-id=" + TENANT)
                .run(context -> {
                    SyncEngine engine = context.getBean(SyncEngine.class);
                    EngineStarter starter = context.getBean(EngineStarter.class);
                    assertThat(starter.started()).isFalse();
                    assertThat(engine.nextRun(TenantId.of(TENANT))).isPresent();

                    context.publishEvent(new ApplicationReadyEvent(
                            new SpringApplication(),
                            new String[0],
                            context.getSourceApplicationContext(),
                            Duration.ZERO));

                    assertThat(starter.started()).isTrue();
                    assertThatThrownBy(engine::start).hasMessageContaining("already started");
                    runtime[0] = context.getBean(EntraSync.class);
                });
        // the context closed: the runtime (and the engine with it) is closed
        assertThatThrownBy(() -> runtime[0].engine())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void theDefaultDatasetsAreEveryDataset() {
        runner().run(context -> assertThat(
                        context.getBean(EntraSyncProperties.class).datasets())
                .isEqualTo(EnumSet.allOf(Dataset.class)));
    }

    private void assertFailsNaming(String property, String... properties) {
        runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).as(String.join(", ", properties)).hasFailed();
                    assertThat(cause(context).property())
                            .as(String.join(", ", properties))
                            .isEqualTo(property);
                    assertThat(cause(context).getMessage()).doesNotContain(SECRET);
                });
    }

    static EntraSyncPropertyException cause(AssertableApplicationContext context) {
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
            if (t instanceof EntraSyncPropertyException e) {
                return e;
            }
        }
        throw new AssertionError("no EntraSyncPropertyException in " + context.getStartupFailure());
    }

    @Configuration(proxyBeanMethods = false)
    static class HostBeans {
        static final InMemoryCredentialStore CREDENTIALS = new InMemoryCredentialStore();
        static final InMemoryTenantMapper MAPPER = new InMemoryTenantMapper();
        static final InMemoryDatasetSink SINK = new InMemoryDatasetSink();

        static {
            CREDENTIALS.save(AppCredential.builder()
                    .name("host")
                    .cloud(Cloud.GLOBAL)
                    .homeTenant("northwindmsp.onmicrosoft.com")
                    .clientId(CLIENT_ID)
                    .secret("host-secret")
                    .build());
        }

        @Bean
        CredentialStore hostCredentials() {
            return CREDENTIALS;
        }

        @Bean
        TenantMapper hostMapper() {
            return MAPPER;
        }

        @Bean
        DatasetSink hostSink() {
            return SINK;
        }
    }

    /** A rule of the application's own. */
    static FindingRule rule(String id) {
        return FindingRule.of(
                id, "The application's rule", Severity.LOW, EnumSet.of(Dataset.USERS), "None.", data -> List.of());
    }

    @Configuration(proxyBeanMethods = false)
    static class HostRule {
        @Bean
        FindingRule hostRule() {
            return rule("host-rule");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostRuleWithABuiltInId {
        @Bean
        FindingRule hostRule() {
            return rule("global-admin-count");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostEngine {
        @Bean(destroyMethod = "close")
        SyncEngine hostEngine(EntraSync runtime) {
            return runtime.engine().sink(new InMemoryDatasetSink()).build();
        }
    }
}
