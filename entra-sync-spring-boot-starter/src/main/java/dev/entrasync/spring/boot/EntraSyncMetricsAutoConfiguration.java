package dev.entrasync.spring.boot;

import dev.entrasync.SyncEngine;
import dev.entrasync.SyncListener;
import dev.entrasync.micrometer.EntraSyncMetrics;
import dev.entrasync.runtime.EntraSync;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds the auto-configured engine to the application's Micrometer {@link MeterRegistry} with entra-sync-micrometer
 * ({@link EntraSyncMetrics}): its listener is added to the engine, its gauges bound once every bean exists, and the
 * application's {@link ObservationRegistry}, when it has one, observes each job and dataset (spans with Micrometer
 * Tracing). Present when entra-sync-micrometer is on the classpath and the context has a {@code MeterRegistry} (Spring
 * Boot's actuator makes one); {@code entra-sync.metrics.enabled=false} turns it off,
 * {@code entra-sync.metrics.tenant-tags=true} tags the meters by tenant.
 */
@AutoConfiguration(
        after = EntraSyncAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass({EntraSyncMetrics.class, MeterRegistry.class})
@ConditionalOnBean({MeterRegistry.class, EntraSync.class})
@ConditionalOnBooleanProperty(name = "entra-sync.metrics.enabled", matchIfMissing = true)
public class EntraSyncMetricsAutoConfiguration {

    /** Created by Spring Boot. */
    public EntraSyncMetricsAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    EntraSyncMetrics entraSyncMetrics(
            MeterRegistry registry, ObjectProvider<ObservationRegistry> observations, EntraSyncProperties properties) {
        EntraSyncMetrics.Builder metrics = EntraSyncMetrics.builder(registry)
                .tenantTags(properties.metrics().tenantTags());
        observations.ifAvailable(metrics::observations);
        return metrics.build();
    }

    /** The engine takes every SyncListener bean: this one records the meters and observations. */
    @Bean
    SyncListener entraSyncMetricsListener(EntraSyncMetrics metrics) {
        return metrics.listener();
    }

    /** The gauges (blocked tenants, days until each secret expires), once the engine exists. */
    @Bean
    @ConditionalOnBean(SyncEngine.class)
    SmartInitializingSingleton entraSyncMetricsBinder(
            EntraSyncMetrics metrics, ObjectProvider<EntraSync> runtime, ObjectProvider<SyncEngine> engine) {
        return () -> metrics.bind(runtime.getObject(), engine.getObject());
    }
}
