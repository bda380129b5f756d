package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.model.EntraUser;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/** Shows the smallest host: one credential, one company mapped to its tenant, "Sync now", records in memory. */
public final class QuickStart {

    public static void main(String... args) throws InterruptedException {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) { // stands in for Microsoft's cloud
            microsoft.registerApp("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a", "demo-secret");
            SimulatedTenant contoso = microsoft.addTenant(
                    TenantBuilder.create("Contoso").seed(1).users(1200).build());
            contoso.consent(microsoft.app("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a"), Permissions.allRead());

            // tag::quickstart[]
            InMemoryCredentialStore credentials = new InMemoryCredentialStore(); // your secrets
            credentials.save(AppCredential.builder()
                    .name("msp")
                    .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl())) // Cloud.GLOBAL in production
                    .homeTenant("northwindmsp.onmicrosoft.com") // your own tenant
                    .clientId("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a")
                    .secret("demo-secret")
                    .build());
            InMemoryTenantMapper companies = new InMemoryTenantMapper(); // your company <-> tenant pairs
            companies.map(new TenantMapping(
                    "acme", TenantId.of(contoso.id()), "msp", "Contoso", null, EnumSet.allOf(Dataset.class), false));
            InMemoryDatasetSink sink = new InMemoryDatasetSink(); // your storage
            try (EntraSync entra = EntraSync.builder().credentials(credentials).build(); // one per host
                    SyncEngine engine =
                            entra.engine().tenants(companies).sink(sink).build()) {
                engine.start(); // every tenant once a day
                SyncJob job = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(5)); // "Sync now"
                List<EntraUser> users = sink.records(job.tenant(), Dataset.USERS);
                System.out.printf("acme: %s, %d users in %d requests%n", job.status(), users.size(), job.requests());
            }
            // end::quickstart[]
        }
    }
}
