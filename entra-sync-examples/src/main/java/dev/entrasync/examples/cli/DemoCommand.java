package dev.entrasync.examples.cli;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.EntraSync;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncResult;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraUser;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole product on the simulated Microsoft cloud, in-process, on embedded defaults. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a simulated Microsoft cloud with a few tenants, sync them, and print a summary.")
final class DemoCommand implements Callable<Integer> {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    private static final String SECRET = "demo-only-secret";

    @Option(names = "--users", defaultValue = "2500", description = "Users in the largest tenant (default ${DEFAULT-VALUE}).")
    int users;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            SimulatedApp app = microsoft.registerApp(CLIENT_ID, SECRET);
            List<SimulatedTenant> tenants = List.of(
                    microsoft.addTenant(TenantBuilder.create("Contoso").seed(1).users(users).build()),
                    microsoft.addTenant(TenantBuilder.create("Fabrikam").seed(2).users(Math.max(1, users / 10)).build()),
                    microsoft.addTenant(TenantBuilder.create("Northwind").seed(3).users(Math.max(1, users / 50)).build()));
            tenants.forEach(t -> t.consent(app, Permissions.allRead()));
            out.printf("Simulated Microsoft cloud: login %s, graph %s%n", microsoft.loginUrl(), microsoft.graphUrl());

            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(AppCredential.builder().name("demo")
                    .cloud(Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()))
                    .homeTenant(tenants.get(0).id()).clientId(CLIENT_ID).secret(SECRET).build());
            InMemoryDatasetSink sink = new InMemoryDatasetSink();
            boolean allOk = true;
            out.printf("%n%-12s %-38s %8s %9s %8s  %s%n", "TENANT", "ID", "USERS", "REQUESTS", "429s", "STATUS");
            try (SyncEngine engine = EntraSync.builder().credentials(credentials).sink(sink).build()) {
                for (SimulatedTenant tenant : tenants) {
                    SyncResult result = engine.sync("demo", TenantId.of(tenant.id()), EnumSet.of(Dataset.USERS));
                    DatasetResult usersResult = result.dataset(Dataset.USERS).orElseThrow();
                    List<EntraUser> synced = sink.records(result.tenant(), Dataset.USERS);
                    out.printf("%-12s %-38s %8d %9d %8d  %s%n", tenant.displayName(), tenant.id(), synced.size(),
                            usersResult.requests(), usersResult.throttledResponses(),
                            usersResult.status() + (usersResult.error() == null ? "" : ": " + usersResult.error()));
                    allOk &= result.succeeded();
                }
            }
            return allOk ? 0 : 1;
        }
    }
}
