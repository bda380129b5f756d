package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.GraphSchema;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every request entra-sync sends names an entity set and properties that exist in Graph v1.0. */
class GraphSchemaComplianceTest {

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();

    @AfterEach
    void close() {
        sim.close();
    }

    static GraphSchema schema() throws Exception {
        Path file = Path.of(System.getProperty("entrasync.shared.dir", "../../shared"), "graph", "v1.0-metadata.xml");
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.exists(file), "no Graph metadata at " + file);
        }
        return GraphSchema.load(file);
    }

    static void assertAllConform(GraphSchema schema, List<RecordedCall> calls) {
        assertThat(calls).isNotEmpty();
        for (RecordedCall call : calls) {
            assertThat(schema.check(call.path(), call.queryParam("$select")))
                    .as(call.method() + " " + call.path())
                    .isEmpty();
        }
    }

    @Test
    void everyRecordedGraphRequestExistsInTheV1Schema() throws Exception {
        GraphSchema schema = schema();
        SimulatedTenant tenant = sim.tenant("Contoso", 1200);

        try (SyncEngine engine = sim.engine()) {
            SyncResult full = engine.sync("msp", TenantId.of(tenant.id()), java.util.EnumSet.allOf(Dataset.class));
            SyncResult delta = engine.sync("msp", TenantId.of(tenant.id()), java.util.EnumSet.allOf(Dataset.class));
            assertThat(full.succeeded()).isTrue();
            assertThat(delta.succeeded()).isTrue();
        }

        assertAllConform(schema, sim.cloud.graphCalls());
    }

    @Test
    void sendMailExistsInTheV1Schema() throws Exception {
        GraphSchema schema = schema();
        SimulatedTenant home = sim.cloud.addTenant(dev.entrasync.testkit.TenantBuilder.create("Northwind MSP")
                .tenantId(SimulatedCloudFixture.HOME_TENANT)
                .users(3)
                .build());
        home.consent(sim.app, dev.entrasync.testkit.Permissions.MAIL_SEND);
        String sender = (String) home.users().list().get(0).get("userPrincipalName");

        try (EntraSync entra = EntraSync.builder().credentials(sim.credentials).build()) {
            entra.mail()
                    .send(
                            "msp",
                            dev.entrasync.mail.MailMessage.text(sender, List.of("ops@northwind.example"), "s", "b"));
        }

        assertAllConform(schema, sim.cloud.graphCalls());
    }
}
