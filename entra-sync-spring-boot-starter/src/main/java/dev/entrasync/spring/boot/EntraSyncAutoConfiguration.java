package dev.entrasync.spring.boot;

import dev.entrasync.CredentialStore;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.spring.boot.internal.PropertyCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Spring Boot auto-configuration of entra-sync, registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}: the runtime
 * ({@link EntraSync}) and one {@link dev.entrasync.SyncEngine} from {@link EntraSyncProperties}, with the stores in
 * the application's {@code DataSource} (entra-sync-jdbc, with its migrations) when it has one and in memory (with a
 * warning) when it has none. The engine's schedule starts when the application is ready; engine and runtime close
 * with the context.
 *
 * <p>Every bean backs off when the application defines its own of the same type: a {@code CredentialStore} (then
 * {@code entra-sync.credential.*} is not read), an {@code EntraSync}, a {@code TenantMapper}, {@code DatasetSink},
 * {@code CheckpointStore}, {@code JobStore}, {@code JdbcStorage} or {@code SyncEngine}. The application's
 * {@code GraphLimits}, {@code HttpSettings}, {@code LicenseCatalog}, {@code SyncScheduler} and {@code SyncListener}
 * beans are used when present. {@code entra-sync.enabled=false} turns all of it off. The health indicator, the
 * Micrometer binding and the secret's masking in Actuator are auto-configurations of their own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(EntraSync.class)
@ConditionalOnBooleanProperty(name = "entra-sync.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EntraSyncProperties.class)
@Import({JdbcStoresConfiguration.class, InMemoryStoresConfiguration.class, EngineConfiguration.class})
public class EntraSyncAutoConfiguration {

    /** Created by Spring Boot. */
    public EntraSyncAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean({CredentialStore.class, EntraSync.class})
    InMemoryCredentialStore entraSyncCredentialStore(EntraSyncProperties properties) {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        store.save(PropertyCredentials.credential(properties.credential()));
        return store;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EntraSync entraSync(
            CredentialStore credentials, ObjectProvider<GraphLimits> limits, ObjectProvider<HttpSettings> http) {
        EntraSync.Builder builder = EntraSync.builder().credentials(credentials);
        limits.ifAvailable(builder::limits);
        http.ifAvailable(builder::http);
        return builder.build();
    }
}
