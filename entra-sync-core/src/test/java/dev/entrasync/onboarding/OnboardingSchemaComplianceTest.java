package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.testkit.GraphSchema;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SimulatedTenant;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every Graph request onboarding sends (GDAP customers, contracts, organization, the licence probe) exists in Graph v1.0. */
class OnboardingSchemaComplianceTest {

    private final OnboardingFixture sim = new OnboardingFixture(true);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void everyOnboardingRequestExistsInTheV1Schema() throws Exception {
        GraphSchema schema = GraphSchema.load(
                Path.of(System.getProperty("entrasync.shared.dir", "../../shared"), "graph", "v1.0-metadata.xml"));
        sim.home.consent(sim.app, Permissions.DIRECTORY_READ_ALL);
        SimulatedTenant customer = sim.tenant("Customer");
        customer.consent(sim.app, Permissions.allRead());
        sim.home.addContract(customer);

        sim.onboarding.discovery().discover("msp");
        sim.onboarding.preflight().check("msp", TenantId.of(customer.id()), EnumSet.allOf(Dataset.class));

        assertThat(sim.cloud.graphCalls())
                .extracting(RecordedCall::path)
                .containsExactly(
                        "/v1.0/tenantRelationships/delegatedAdminCustomers",
                        "/v1.0/contracts",
                        "/v1.0/organization",
                        "/v1.0/users",
                        "/v1.0/deviceManagement/managedDevices");
        for (RecordedCall call : sim.cloud.graphCalls()) {
            assertThat(schema.check(call.path(), call.queryParam("$select")))
                    .as(call.path())
                    .isEmpty();
        }
    }
}
