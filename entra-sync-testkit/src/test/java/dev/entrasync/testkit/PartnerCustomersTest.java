package dev.entrasync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PartnerCustomersTest {
    private static final String CLIENT = "4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimulatedApp app = cloud.registerApp(CLIENT, "secret");
    private final SimulatedTenant partner =
            cloud.addTenant(TenantBuilder.create("Partner").build());
    private final SimClient client = new SimClient(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsGdapCustomersInPagesWithTheGdapPermission() {
        for (int i = 0; i < 5; i++) {
            partner.addGdapCustomer(
                    cloud.addTenant(TenantBuilder.create("Customer " + i).build()));
        }
        partner.consent(app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL);
        String token = client.token(partner.id(), CLIENT, "secret");

        SimClient.Reply first = client.get(
                token, "/v1.0/tenantRelationships/delegatedAdminCustomers?$select=id,tenantId,displayName&$top=3");
        SimClient.Reply second = client.get(token, (String) first.json().get("@odata.nextLink"));

        List<Map<String, Object>> items =
                (List<Map<String, Object>>) first.json().get("value");
        assertThat(items).hasSize(3);
        assertThat(items.get(0)).containsOnlyKeys("id", "tenantId", "displayName");
        assertThat(items.get(0).get("id")).isEqualTo(items.get(0).get("tenantId"));
        assertThat((List<?>) second.json().get("value")).hasSize(2);
        assertThat(second.json()).doesNotContainKey("@odata.nextLink");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsContractsWithTheCustomersDefaultDomainAndNeedsDirectoryRead() {
        SimulatedTenant customer = cloud.addTenant(
                TenantBuilder.create("Northwind").customDomain("northwind.com").build());
        partner.addContract(customer);
        partner.consent(app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL);
        String gdapOnly = client.token(partner.id(), CLIENT, "secret");
        assertThat(client.get(gdapOnly, "/v1.0/contracts").status()).isEqualTo(403);
        partner.grant(app, Permissions.DIRECTORY_READ_ALL);
        String token = client.token(partner.id(), CLIENT, "secret");

        SimClient.Reply reply = client.get(token, "/v1.0/contracts?$select=customerId,displayName,defaultDomainName");

        Map<String, Object> contract = ((List<Map<String, Object>>) reply.json().get("value")).get(0);
        assertThat(contract)
                .containsEntry("customerId", customer.id())
                .containsEntry("displayName", "Northwind")
                .containsEntry("defaultDomainName", "northwind.com");
    }
}
