package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.jdbc.JdbcClusterScheduler;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.jdbc.SecretKeyRing;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Shows a clustered host: two host instances (two engines, each with its own {@link JdbcClusterScheduler})
 * over one database, where every "Sync now" and every scheduled sync runs exactly once, on whichever
 * instance is free, and an exclusion set on one instance holds on the other.
 */
public final class ClusteredHost {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    private static final Set<Dataset> DATASETS = EnumSet.of(Dataset.USERS, Dataset.GROUPS);

    public static void main(String... args) throws InterruptedException {
        JdbcDataSource dataSource = new JdbcDataSource(); // the database both instances share
        dataSource.setURL("jdbc:h2:mem:clustered-host;DB_CLOSE_DELAY=-1");
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, "demo-secret");
            SecretKeyRing keys = SecretKeyRing.builder()
                    .key("2026-12", SecretKeyRing.generateKey())
                    .build();
            JdbcStorage storage = JdbcStorage.builder(dataSource).build();
            Cloud cloud = Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()); // Cloud.GLOBAL in production
            storage.credentialStore(keys)
                    .save(AppCredential.builder()
                            .name("msp")
                            .cloud(cloud)
                            .homeTenant("northwindmsp.onmicrosoft.com")
                            .clientId(CLIENT_ID)
                            .secret("demo-secret")
                            .build());
            TenantMapper companies = storage.tenantMapper();
            for (String name : List.of("Contoso", "Litware", "Fabrikam")) {
                SimulatedTenant tenant =
                        microsoft.addTenant(TenantBuilder.create(name).users(40).build());
                tenant.consent(microsoft.app(CLIENT_ID), Permissions.allRead());
                TenantId id = TenantId.of(tenant.id());
                companies.map(new TenantMapping(name.toLowerCase(Locale.ROOT), id, "msp", name, null, DATASETS, false));
            }
            Map<String, String> ranOn = new ConcurrentHashMap<>(); // job id -> instance
            try (EntraSync entraA = EntraSync.builder()
                            .credentials(storage.credentialStore(keys))
                            .build();
                    SyncEngine a = instance(storage, entraA, "instance-a", ranOn);
                    EntraSync entraB = EntraSync.builder()
                            .credentials(storage.credentialStore(keys))
                            .build();
                    SyncEngine b = instance(storage, entraB, "instance-b", ranOn)) {
                a.start();
                b.start();
                a.exclude(companies.findByCompany("fabrikam").orElseThrow().tenant()); // stored in the mapping
                for (SyncJob queued : b.syncAllNow()) { // asked on B, run by either
                    SyncJob job = b.await(queued.id(), Duration.ofMinutes(5));
                    String company =
                            companies.findByTenant(job.tenant()).orElseThrow().displayName();
                    System.out.printf("%s: %s on %s%n", company, job.status(), ranOn.get(job.id()));
                }
                try {
                    b.syncNowForCompany("fabrikam");
                } catch (IllegalArgumentException excludedOnA) {
                    System.out.println("instance-b: " + excludedOnA.getMessage());
                }
            }
        }
    }

    /** One host instance: in production, one per process, each with the same storage and its own scheduler. */
    private static SyncEngine instance(JdbcStorage storage, EntraSync entra, String name, Map<String, String> ranOn) {
        JdbcClusterScheduler scheduler = JdbcClusterScheduler.builder(storage)
                .instanceName(name)
                .pollingInterval(Duration.ofSeconds(1))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        SyncListener recorder = new SyncListener() {
            @Override
            public void jobStarted(SyncJob job) {
                ranOn.put(job.id(), name);
            }
        };
        return storage.engine(entra).scheduler(scheduler).listener(recorder).build();
    }
}
