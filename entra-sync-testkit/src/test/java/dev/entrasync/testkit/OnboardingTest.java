package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnboardingTest {
    private static final String CLIENT_ID = "6c2f1a1e-2a5b-4c1d-9e3f-0a1b2c3d4e5f";
    private final SimulatedCloud cloud = SimulatedCloud.start();
    private final SimClient client = new SimClient(cloud);
    private final SimulatedApp app = cloud.registerApp(CLIENT_ID, "secret");
    private final SimulatedTenant contoso =
            cloud.addTenant(TenantBuilder.create("Contoso").build());

    @AfterEach
    void stop() {
        cloud.close();
    }

    private HttpUrl consentRedirect() {
        SimClient.Reply reply = client.getLoginNoRedirect("/organizations/v2.0/adminconsent?client_id="
                + CLIENT_ID + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                + "&redirect_uri=https%3A%2F%2Fhost.example%2Fcallback&state=s-123");
        assertThat(reply.status()).isEqualTo(302);
        return HttpUrl.get(reply.header("Location"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void partnerListsCustomersThroughGdapAndContracts() {
        SimulatedTenant fabrikam =
                cloud.addTenant(TenantBuilder.create("Fabrikam").users(3).build());
        SimulatedTenant msp = cloud.addTenant(TenantBuilder.partner("Northwind MSP")
                .users(5)
                .customers(List.of(contoso, fabrikam))
                .build());
        msp.consent(app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL, Permissions.DIRECTORY_READ_ALL);
        String token = client.token(msp.id(), CLIENT_ID, "secret");

        List<Map<String, Object>> gdap =
                values(client.get(token, "/v1.0/tenantRelationships/delegatedAdminCustomers?$top=1")
                        .json());
        Map<String, Object> all = client.get(token, "/v1.0/tenantRelationships/delegatedAdminCustomers")
                .json();
        SimClient.Reply tooBig = client.get(token, "/v1.0/tenantRelationships/delegatedAdminCustomers?$top=301");
        cloud.faults().failGdap(msp.id());
        SimClient.Reply failed = client.get(token, "/v1.0/tenantRelationships/delegatedAdminCustomers");
        List<Map<String, Object>> contracts =
                values(client.get(token, "/v1.0/contracts").json());

        assertThat(gdap).hasSize(1);
        assertThat(values(all))
                .extracting(c -> c.get("tenantId"))
                .containsExactlyInAnyOrder(contoso.id(), fabrikam.id());
        assertThat(failed.status()).isEqualTo(403);
        assertThat(contracts)
                .extracting(c -> c.get("defaultDomainName"))
                .containsExactlyInAnyOrder(contoso.defaultDomain(), fabrikam.defaultDomain());
        assertThat(tooBig.status()).isEqualTo(400);
    }

    @Test
    void sendMailAccepts202AndKeepsTheMessage() {
        contoso.consent(app, Permissions.MAIL_SEND);
        String token = client.token(contoso.id(), CLIENT_ID, "secret");
        String upn = (String) contoso.users().list().get(0).get("userPrincipalName");

        SimClient.Reply reply = client.post(
                token,
                "/v1.0/users/" + upn + "/sendMail",
                "{\"message\":{\"subject\":\"Sync report\",\"body\":{\"contentType\":\"Text\","
                        + "\"content\":\"All good\"},\"toRecipients\":[{\"emailAddress\":{\"address\":"
                        + "\"ops@msp.example\"}}]},\"saveToSentItems\":false}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        assertThat(cloud.sentMail()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Sync report");
            assertThat(mail.toRecipients()).containsExactly("ops@msp.example");
            assertThat(mail.senderUserPrincipalName()).isEqualTo(upn);
            assertThat(mail.saveToSentItems()).isFalse();
        });
    }
}
