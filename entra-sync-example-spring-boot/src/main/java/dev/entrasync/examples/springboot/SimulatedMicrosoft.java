package dev.entrasync.examples.springboot;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.CredentialStore;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.spring.boot.EntraSyncProperties;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.TenantBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code simulated} profile: the testkit's simulated Microsoft cloud in this process, hosting each tenant that
 * {@code entra-sync.tenants} maps (same id and name) with the app consented there, and a credential for it. The
 * application's own {@link CredentialStore} bean replaces the {@code entra-sync.credential.*} properties, so no
 * client secret is needed. Nothing else changes: the engine, the database and the report are the production ones.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulated")
class SimulatedMicrosoft {

    private static final String SECRET = "simulated-secret";

    @Bean(destroyMethod = "close")
    SimulatedCloud simulatedCloud(EntraSyncProperties properties) {
        SimulatedCloud microsoft = SimulatedCloud.start();
        microsoft.registerApp(properties.credential().clientId(), SECRET);
        long seed = 1;
        for (EntraSyncProperties.Tenant tenant : properties.tenants()) {
            microsoft
                    .addTenant(TenantBuilder.create(tenant.name() == null ? tenant.companyId() : tenant.name())
                            .tenantId(tenant.tenantId())
                            .seed(seed++)
                            .users(120)
                            .devices(60)
                            .groups(12)
                            .build())
                    .consent(microsoft.app(properties.credential().clientId()), Permissions.allRead());
        }
        return microsoft;
    }

    @Bean
    CredentialStore simulatedCredentials(SimulatedCloud microsoft, EntraSyncProperties properties) {
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        credentials.save(AppCredential.builder()
                .name(properties.credential().name())
                .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()))
                .homeTenant(properties.credential().homeTenant())
                .clientId(properties.credential().clientId())
                .secret(SECRET)
                .build());
        return credentials;
    }
}
