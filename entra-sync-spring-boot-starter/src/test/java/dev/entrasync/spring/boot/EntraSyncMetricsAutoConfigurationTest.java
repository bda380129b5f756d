package dev.entrasync.spring.boot;

import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.CLIENT_ID;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.SECRET;
import static dev.entrasync.spring.boot.EntraSyncAutoConfigurationTest.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.micrometer.EntraSyncMetrics;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.TenantBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer binding of the auto-configured engine: when it is there, what it counts, and when it is not. */
class EntraSyncMetricsAutoConfigurationTest {

    private static ApplicationContextRunner runner() {
        return EntraSyncAutoConfigurationTest.runner()
                .withConfiguration(AutoConfigurations.of(EntraSyncMetricsAutoConfiguration.class));
    }

    @Test
    void withAMeterRegistryTheEngineCountsWhatTheCloudServed() {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, SECRET);
            microsoft
                    .addTenant(TenantBuilder.create("Contoso")
                            .tenantId(TENANT)
                            .users(30)
                            .build())
                    .consent(microsoft.app(CLIENT_ID), Permissions.allRead());
            microsoft.faults().throttleNext(2, 0.01);
            runner().withUserConfiguration(Registries.class)
                    .withPropertyValues(
                            "entra-sync.credential.cloud=custom",
                            "entra-sync.credential.login-url=" + microsoft.loginUrl(),
                            "entra-sync.credential.graph-url=" + microsoft.graphUrl(),
                            "entra-sync.datasets=users,groups",
                            "entra-sync.tenants[0].company-id=acme",
                            "entra-sync.tenants[0].tenant-id=" + TENANT)
                    .run(context -> {
                        assertThat(context).hasSingleBean(EntraSyncMetrics.class);
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        SyncEngine engine = context.getBean(SyncEngine.class);

                        SyncJob job =
                                engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(1));

                        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
                        List<RecordedCall> calls = microsoft.graphCalls();
                        assertThat(sum(registry, "entrasync.graph.requests"))
                                .isEqualTo(calls.stream()
                                        .filter(c -> !c.batchItem())
                                        .count())
                                .isEqualTo(job.requests());
                        assertThat(sum(registry, "entrasync.graph.throttled"))
                                .isEqualTo(calls.stream()
                                        .filter(c -> c.status() == 429)
                                        .count())
                                .isEqualTo(2);
                        assertThat(registry.get("entrasync.jobs.finished")
                                        .tag("status", "SUCCEEDED")
                                        .counter()
                                        .count())
                                .isEqualTo(1);
                        // the gauges were bound once the engine existed
                        assertThat(registry.get("entrasync.tenants.blocked")
                                        .gauge()
                                        .value())
                                .isZero();
                        assertThat(registry.find("entrasync.credential.secret.remaining")
                                        .tag("credential", "msp")
                                        .gauge())
                                .isNotNull();
                        // the application's ObservationRegistry saw the job and its datasets
                        assertThat(Registries.OBSERVED)
                                .contains("entrasync.job")
                                .contains("entrasync.dataset");
                    });
        }
    }

    @Test
    void noBindingWithoutARegistryWithoutTheModuleOrWhenTurnedOff() {
        runner().run(context ->
                assertThat(context).hasSingleBean(SyncEngine.class).doesNotHaveBean(EntraSyncMetrics.class));
        runner().withUserConfiguration(Registries.class)
                .withClassLoader(new FilteredClassLoader(EntraSyncMetrics.class))
                .run(context ->
                        assertThat(context).hasSingleBean(SyncEngine.class).doesNotHaveBean("entraSyncMetrics"));
        runner().withUserConfiguration(Registries.class)
                .withPropertyValues("entra-sync.metrics.enabled=false")
                .run(context ->
                        assertThat(context).hasSingleBean(SyncEngine.class).doesNotHaveBean(EntraSyncMetrics.class));
        runner().withUserConfiguration(Registries.class)
                .withPropertyValues("entra-sync.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EntraSyncMetrics.class));
    }

    private static double sum(MeterRegistry registry, String name) {
        return Search.in(registry).name(name).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        static final List<String> OBSERVED = new CopyOnWriteArrayList<>();

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
                @Override
                public void onStart(Observation.Context context) {
                    OBSERVED.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            return registry;
        }
    }
}
