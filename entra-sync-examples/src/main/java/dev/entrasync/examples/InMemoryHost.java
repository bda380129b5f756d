package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.InMemoryCheckpointStore;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryJobStore;
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
import java.util.Map;

/**
 * Shows a host that keeps everything in memory — credentials, companies, records, checkpoints and jobs — and
 * how the checkpoints make the second "Sync now" read only what changed (Graph delta) instead of everything.
 */
public final class InMemoryHost {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";

    public static void main(String... args) throws InterruptedException {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, "demo-secret");
            SimulatedTenant contoso = microsoft.addTenant(
                    TenantBuilder.create("Contoso").seed(1).users(300).build());
            contoso.consent(microsoft.app(CLIENT_ID), Permissions.allRead());

            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(AppCredential.builder()
                    .name("msp")
                    .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()))
                    .homeTenant("northwindmsp.onmicrosoft.com")
                    .clientId(CLIENT_ID)
                    .secret("demo-secret")
                    .build());
            InMemoryTenantMapper companies = new InMemoryTenantMapper();
            TenantId tenant = TenantId.of(contoso.id());
            companies.map(new TenantMapping("acme", tenant, "msp", "Contoso", null, EnumSet.of(Dataset.USERS), false));
            InMemoryDatasetSink sink = new InMemoryDatasetSink();
            InMemoryJobStore jobs = new InMemoryJobStore();
            try (EntraSync entra = EntraSync.builder().credentials(credentials).build();
                    SyncEngine engine = entra.engine()
                            .tenants(companies)
                            .sink(sink)
                            .checkpoints(new InMemoryCheckpointStore()) // delta links, per tenant and dataset
                            .jobs(jobs)
                            .build()) {
                SyncJob first = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(5));
                System.out.printf(
                        "first run: %s, %d requests, %d users%n",
                        first.status(),
                        first.requests(),
                        sink.records(tenant, Dataset.USERS).size());
                contoso.users()
                        .add(Map.of(
                                "userPrincipalName",
                                "new.hire@contoso.example",
                                "displayName",
                                "New Hire",
                                "accountEnabled",
                                true)); // a change in the tenant
                SyncJob second = engine.await(engine.syncNowForCompany("acme").id(), Duration.ofMinutes(5));
                System.out.printf(
                        "second run: %s, %d requests, %d users%n",
                        second.status(),
                        second.requests(),
                        sink.records(tenant, Dataset.USERS).size());
                System.out.printf("jobs: %d%n", jobs.history(tenant, 0, 10).size());
                EntraUser hire = sink.<EntraUser>records(tenant, Dataset.USERS).stream()
                        .filter(u -> "New Hire".equals(u.displayName()))
                        .findFirst()
                        .orElseThrow();
                System.out.printf("new: %s%n", hire.userPrincipalName());
            }
        }
    }
}
