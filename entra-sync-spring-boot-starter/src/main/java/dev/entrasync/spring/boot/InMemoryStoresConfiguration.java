package dev.entrasync.spring.boot;

import dev.entrasync.CheckpointStore;
import dev.entrasync.DatasetSink;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryJobStore;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStore;
import dev.entrasync.TenantMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * In-memory stores for whatever neither the application nor {@link JdbcStoresConfiguration} provided (imported after
 * it); the engine's bean logs a warning naming them.
 */
// Only imported by EntraSyncAutoConfiguration, never annotated @Configuration: an application scanning this package
// must not pick it up as its own configuration, evaluated before the DataSource exists.
class InMemoryStoresConfiguration {

    @Bean
    @ConditionalOnMissingBean(TenantMapper.class)
    InMemoryTenantMapper entraSyncTenantMapper() {
        return new InMemoryTenantMapper();
    }

    @Bean
    @ConditionalOnMissingBean(DatasetSink.class)
    InMemoryDatasetSink entraSyncDatasetSink() {
        return new InMemoryDatasetSink();
    }

    @Bean
    @ConditionalOnMissingBean(CheckpointStore.class)
    InMemoryCheckpointStore entraSyncCheckpointStore() {
        return new InMemoryCheckpointStore();
    }

    @Bean
    @ConditionalOnMissingBean(JobStore.class)
    InMemoryJobStore entraSyncJobStore() {
        return new InMemoryJobStore();
    }
}
