package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GraphSchemaTest {

    private static GraphSchema schema;

    static Path metadata() {
        String dir = System.getProperty("entrasync.shared.dir", "../../shared");
        return Path.of(dir, "graph", "v1.0-metadata.xml");
    }

    @BeforeAll
    static void load() throws Exception {
        Path file = metadata();
        if (!"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "no Graph metadata at " + file);
        }
        assertThat(Files.exists(file))
                .as("Graph v1.0 metadata at " + file.toAbsolutePath())
                .isTrue();
        schema = GraphSchema.load(file);
    }

    @Test
    void acceptsTheEndpointsAndPropertiesEntraSyncUses() {
        assertThat(schema.check("/v1.0/users", "id,userPrincipalName,otherMails,passwordPolicies,assignedLicenses"))
                .isEmpty();
        assertThat(schema.check("/v1.0/users/delta", "id,displayName")).isEmpty();
        assertThat(schema.check("/v1.0/devices", "id,deviceId,isManaged,trustType,approximateLastSignInDateTime"))
                .isEmpty();
        assertThat(schema.check("/v1.0/groups/delta", "id,members,securityIdentifier"))
                .isEmpty();
        assertThat(schema.check("/v1.0/directoryRoles/abc/members", null)).isEmpty();
        assertThat(schema.check("/v1.0/reports/authenticationMethods/userRegistrationDetails", "id,isMfaRegistered"))
                .isEmpty();
        assertThat(schema.check("/v1.0/auditLogs/directoryAudits", "id,activityDateTime,initiatedBy"))
                .isEmpty();
        assertThat(schema.check("/v1.0/security/secureScores", null)).isEmpty();
        assertThat(schema.check("/v1.0/security/secureScoreControlProfiles", null))
                .isEmpty();
        assertThat(schema.check("/v1.0/organization", "id,displayName,verifiedDomains"))
                .isEmpty();
        assertThat(schema.check("/v1.0/subscribedSkus", "skuId,prepaidUnits")).isEmpty();
        assertThat(schema.check("/v1.0/tenantRelationships/delegatedAdminCustomers", null))
                .isEmpty();
        assertThat(schema.check("/v1.0/contracts", null)).isEmpty();
        assertThat(schema.check("/v1.0/users/someone@contoso.com/sendMail", null))
                .isEmpty();
        assertThat(schema.check("/v1.0/$batch", null)).isEmpty();
    }

    @Test
    void rejectsWhatGraphDoesNotHave() {
        assertThat(schema.check("/v1.0/users", "id,distinguishedName"))
                .singleElement()
                .asString()
                .contains("'distinguishedName' does not exist on microsoft.graph.user");
        assertThat(schema.check("/v1.0/devices", "ipAddress")).hasSize(1);
        assertThat(schema.check("/v1.0/computers", null))
                .singleElement()
                .asString()
                .contains("neither an entity set");
        assertThat(schema.check("/v1.0/reports/mfaStatus", null)).hasSize(1);
        assertThat(schema.check("/beta/users", null)).hasSize(1);
    }
}
