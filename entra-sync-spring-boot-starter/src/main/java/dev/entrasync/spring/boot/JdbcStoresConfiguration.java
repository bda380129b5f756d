package dev.entrasync.spring.boot;

import dev.entrasync.CheckpointStore;
import dev.entrasync.DatasetSink;
import dev.entrasync.JobStore;
import dev.entrasync.TenantMapper;
import dev.entrasync.findings.FindingRule;
import dev.entrasync.findings.Findings;
import dev.entrasync.jdbc.JdbcCheckpointStore;
import dev.entrasync.jdbc.JdbcDatasetSink;
import dev.entrasync.jdbc.JdbcFindings;
import dev.entrasync.jdbc.JdbcJobStore;
import dev.entrasync.jdbc.JdbcQueries;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.jdbc.JdbcTenantMapper;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/** The stores in the application's database through entra-sync-jdbc, when it has one DataSource (or a primary). */
@ConditionalOnClass(JdbcStorage.class)
@ConditionalOnSingleCandidate(DataSource.class)
// Only imported by EntraSyncAutoConfiguration, never annotated @Configuration: an application scanning this package
// must not pick it up as its own configuration, evaluated before the DataSource exists.
class JdbcStoresConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JdbcStorage entraSyncJdbcStorage(
            DataSource dataSource, EntraSyncProperties properties, ObjectProvider<FindingRule> applicationRules) {
        // the findings' own properties are named by FindingRuleProperties, outside the table prefix's try
        Findings findings = FindingRuleProperties.findings(
                properties.findings(), applicationRules.orderedStream().toList());
        JdbcStorage.Builder builder;
        try {
            builder = JdbcStorage.builder(dataSource)
                    .tablePrefix(properties.jdbc().tablePrefix());
        } catch (IllegalArgumentException e) {
            throw new EntraSyncPropertyException(
                    "entra-sync.jdbc.table-prefix", e.getMessage(), "Fix the table prefix.", e);
        }
        return builder.findings(findings)
                .migrate(properties.jdbc().migrate())
                .build(); // applies entra-sync's Flyway migrations
    }

    /** The findings listener: picked up by the engine with the application's other SyncListener beans. */
    @Bean
    @ConditionalOnProperty(name = "entra-sync.findings.enabled", havingValue = "true", matchIfMissing = true)
    JdbcFindings entraSyncFindings(JdbcStorage storage) {
        return storage.findings();
    }

    @Bean
    @ConditionalOnMissingBean(TenantMapper.class)
    JdbcTenantMapper entraSyncTenantMapper(JdbcStorage storage) {
        return storage.tenantMapper();
    }

    @Bean
    @ConditionalOnMissingBean(DatasetSink.class)
    JdbcDatasetSink entraSyncDatasetSink(JdbcStorage storage) {
        return storage.datasetSink();
    }

    @Bean
    @ConditionalOnMissingBean(CheckpointStore.class)
    JdbcCheckpointStore entraSyncCheckpointStore(JdbcStorage storage) {
        return storage.checkpointStore();
    }

    @Bean
    @ConditionalOnMissingBean(JobStore.class)
    JdbcJobStore entraSyncJobStore(JdbcStorage storage) {
        return storage.jobStore();
    }

    @Bean
    @ConditionalOnMissingBean
    JdbcQueries entraSyncJdbcQueries(JdbcStorage storage) {
        return storage.queries();
    }
}
