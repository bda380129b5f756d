package dev.entrasync.spring.boot;

import dev.entrasync.CheckpointStore;
import dev.entrasync.DatasetSink;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStore;
import dev.entrasync.LicenseCatalog;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantMapper;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spring.boot.internal.EngineStarter;
import dev.entrasync.spring.boot.internal.PropertyTenants;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The engine on the runtime and the stores, and its start when the application is ready (unless the host has one). */
@ConditionalOnMissingBean(SyncEngine.class)
// Only imported by EntraSyncAutoConfiguration, never annotated @Configuration: an application scanning this package
// must not pick it up as its own configuration, evaluated before the DataSource exists.
class EngineConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean(destroyMethod = "close")
    SyncEngine entraSyncEngine(
            EntraSync runtime,
            EntraSyncProperties properties,
            TenantMapper tenants,
            DatasetSink sink,
            CheckpointStore checkpoints,
            JobStore jobs,
            ObjectProvider<LicenseCatalog> licenseCatalog,
            ObjectProvider<SyncScheduler> scheduler,
            ObjectProvider<SyncListener> listeners) {
        SyncConfig config = config(properties);
        warnAboutMemory(tenants, sink, checkpoints, jobs);
        PropertyTenants.apply(properties, tenants);
        EntraSync.EngineBuilder builder = runtime.engine()
                .tenants(tenants)
                .sink(sink)
                .checkpoints(checkpoints)
                .jobs(jobs)
                .config(config);
        licenseCatalog.ifAvailable(builder::licenseCatalog);
        scheduler.ifAvailable(builder::scheduler);
        listeners.orderedStream().forEach(builder::listener);
        SyncEngine engine = builder.build();
        LOG.info(
                "entra-sync: engine ready, {} tenants mapped, {}",
                tenants.list().size(),
                config);
        return engine;
    }

    @Bean
    EngineStarter entraSyncEngineStarter(SyncEngine engine) {
        return new EngineStarter(engine);
    }

    private static SyncConfig config(EntraSyncProperties properties) {
        SyncConfig.Builder config = SyncConfig.custom();
        try {
            config.workers(properties.workers());
        } catch (IllegalArgumentException e) {
            throw new EntraSyncPropertyException("entra-sync.workers", e.getMessage(), "Set it to 1 or more.", e);
        }
        try {
            config.interval(properties.interval());
        } catch (IllegalArgumentException e) {
            throw new EntraSyncPropertyException(
                    "entra-sync.interval", e.getMessage(), "Set it to 1m or longer, e.g. 24h (the default).", e);
        }
        return config.build();
    }

    private static void warnAboutMemory(
            TenantMapper tenants, DatasetSink sink, CheckpointStore checkpoints, JobStore jobs) {
        List<String> inMemory = new ArrayList<>();
        if (tenants instanceof InMemoryTenantMapper) {
            inMemory.add("tenant mappings");
        }
        if (sink instanceof InMemoryDatasetSink) {
            inMemory.add("synced data");
        }
        if (checkpoints instanceof InMemoryCheckpointStore) {
            inMemory.add("delta checkpoints");
        }
        if (jobs instanceof InMemoryJobStore) {
            inMemory.add("sync jobs");
        }
        if (!inMemory.isEmpty()) {
            LOG.warn(
                    "entra-sync keeps its {} in memory: they will not survive a restart, and each restart syncs every"
                            + " tenant in full again. Give the application a DataSource (spring-boot-starter-jdbc and a"
                            + " JDBC driver) and entra-sync keeps them in that database.",
                    String.join(", ", inMemory));
        }
    }
}
