package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.jdbc.SecretKeyRing;
import dev.entrasync.model.EntraUser;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.util.EnumSet;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Shows a host that keeps everything in its relational database with entra-sync-jdbc: the secret encrypted
 * at rest, the company mapping, the synced records, checkpoints and jobs — one {@code JdbcStorage} over the
 * host's {@code DataSource} (H2 here; PostgreSQL and MariaDB the same way).
 */
public final class JdbcHost {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";

    /** @param args optionally the H2 JDBC URL to use (default: a private in-memory database) */
    public static void main(String... args) throws InterruptedException {
        JdbcDataSource dataSource = new JdbcDataSource(); // your connection pool in production
        dataSource.setURL(args.length > 0 ? args[0] : "jdbc:h2:mem:jdbc-host;DB_CLOSE_DELAY=-1");
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, "demo-secret");
            SimulatedTenant contoso = microsoft.addTenant(
                    TenantBuilder.create("Contoso").seed(1).users(300).build());
            contoso.consent(microsoft.app(CLIENT_ID), Permissions.allRead());

            JdbcStorage storage = JdbcStorage.builder(dataSource).build(); // creates or migrates the tables
            SecretKeyRing keys = SecretKeyRing.builder() // from your key vault in production
                    .key("2026-12", SecretKeyRing.generateKey())
                    .build();
            storage.credentialStore(keys)
                    .save(AppCredential.builder()
                            .name("msp")
                            .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()))
                            .homeTenant("northwindmsp.onmicrosoft.com")
                            .clientId(CLIENT_ID)
                            .secret("demo-secret")
                            .build());
            TenantId tenant = TenantId.of(contoso.id());
            storage.tenantMapper()
                    .map(new TenantMapping(
                            "acme", tenant, "msp", "Contoso", null, EnumSet.allOf(Dataset.class), false));
            try (EntraSync entra = EntraSync.builder()
                            .credentials(storage.credentialStore(keys))
                            .build();
                    SyncEngine engine = storage.engine(entra).build()) { // mapper, sink, checkpoints, jobs
                SyncJob job = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(5));
                System.out.printf(
                        "acme: %s, %d users stored in %s, %d jobs%n",
                        job.status(),
                        storage.queries().count(tenant, EntraUser.class),
                        storage.databaseProduct(),
                        storage.jobStore().history(tenant, 0, 10).size());
            }
        }
    }
}
