package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.EntraSync;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.util.List;
import java.util.Set;

/** Shows the smallest host: one credential, one tenant, users synced into an in-memory sink. */
public final class QuickStart {

    public static void main(String... args) {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {          // stands in for Microsoft's cloud
            microsoft.registerApp("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a", "demo-secret");
            SimulatedTenant contoso = microsoft.addTenant(TenantBuilder.create("Contoso").seed(1).users(1200).build());
            contoso.consent(microsoft.app("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a"), Permissions.allRead());

            // tag::quickstart[]
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(AppCredential.builder()
                    .name("msp")
                    .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl())) // Cloud.GLOBAL in production
                    .homeTenant("contoso.onmicrosoft.com")
                    .clientId("6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a")
                    .secret("demo-secret")
                    .build());
            InMemoryDatasetSink sink = new InMemoryDatasetSink();
            try (SyncEngine engine = EntraSync.builder().credentials(credentials).sink(sink).build()) {
                SyncResult result = engine.sync("msp", TenantId.of(contoso.id()), Set.of(Dataset.USERS));
                List<EntraUser> users = sink.records(result.tenant(), Dataset.USERS);
                System.out.printf("%s: %d users in %d requests%n", contoso.displayName(), users.size(),
                        result.dataset(Dataset.USERS).orElseThrow().requests());
            }
            // end::quickstart[]
        }
    }
}
