package dev.entrasync.testkit;

import static dev.entrasync.testkit.GraphUsersTest.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
  private final SimulatedTenant contoso = cloud.addTenant(TenantBuilder.create("Contoso").build());

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
  void grantRedirectsWithTenantAndRecordsConsent() {
    cloud.consentPrompts().nextAnswer(ConsentAnswer.grant(contoso, Permissions.allRead()));

    HttpUrl redirect = consentRedirect();

    assertThat(redirect.toString()).startsWith("https://host.example/callback?");
    assertThat(redirect.queryParameterNames()).containsExactly("admin_consent", "tenant", "scope",
        "state");
    assertThat(redirect.queryParameter("admin_consent")).isEqualTo("True");
    assertThat(redirect.queryParameter("tenant")).isEqualTo(contoso.id());
    assertThat(redirect.queryParameter("state")).isEqualTo("s-123");
    assertThat(contoso.grantedPermissions(app)).containsAll(Permissions.ALL_READ);
    assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "secret").status()).isEqualTo(200);
  }

  @Test
  void declineAndCancelCarryMicrosoftsErrors() {
    cloud.consentPrompts().nextAnswer(ConsentAnswer.decline()).nextAnswer(ConsentAnswer.cancel());

    HttpUrl declined = consentRedirect();
    HttpUrl cancelled = consentRedirect();

    assertThat(declined.queryParameter("error")).isEqualTo("access_denied");
    assertThat(declined.queryParameter("error_description"))
        .startsWith("AADSTS65004: User declined to consent to access the app.");
    assertThat(declined.queryParameter("admin_consent")).isEqualTo("True");
    assertThat(declined.queryParameter("state")).isEqualTo("s-123");
    assertThat(declined.queryParameter("error_subcode")).isNull();
    assertThat(cancelled.queryParameter("error_subcode")).isEqualTo("cancel");
    assertThat(contoso.hasConsent(app)).isFalse();
  }

  @Test
  void consentPropagatesAfterTokenRequestsOrTime() {
    MutableClock clock = MutableClock.now();
    cloud.clock(clock);
    cloud.consentPrompts().nextAnswer(ConsentAnswer.grant(contoso, "User.Read.All")
        .propagationDelay(2));
    consentRedirect();

    assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "secret").status()).isEqualTo(400);
    assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "secret").status()).isEqualTo(400);
    assertThat(client.tokenRequest(contoso.id(), CLIENT_ID, "secret").status()).isEqualTo(200);

    SimulatedTenant other = cloud.addTenant(TenantBuilder.create("Other").users(2).build());
    cloud.consentPrompts().nextAnswer(ConsentAnswer.grant(other, "User.Read.All")
        .propagationDelay(Duration.ofMinutes(3)));
    consentRedirect();
    assertThat(client.tokenRequest(other.id(), CLIENT_ID, "secret").status()).isEqualTo(400);
    clock.advance(Duration.ofMinutes(3));
    assertThat(client.tokenRequest(other.id(), CLIENT_ID, "secret").status()).isEqualTo(200);
  }

  @Test
  @SuppressWarnings("unchecked")
  void partnerListsCustomersThroughGdapAndContracts() {
    SimulatedTenant fabrikam = cloud.addTenant(TenantBuilder.create("Fabrikam").users(3).build());
    SimulatedTenant msp = cloud.addTenant(TenantBuilder.partner("Northwind MSP").users(5)
        .customers(List.of(contoso, fabrikam)).build());
    msp.consent(app, Permissions.DELEGATED_ADMIN_RELATIONSHIP_READ_ALL,
        Permissions.DIRECTORY_READ_ALL);
    String token = client.token(msp.id(), CLIENT_ID, "secret");

    List<Map<String, Object>> gdap = values(client.get(token,
        "/v1.0/tenantRelationships/delegatedAdminCustomers?$top=1").json());
    Map<String, Object> all = client.get(token,
        "/v1.0/tenantRelationships/delegatedAdminCustomers").json();
    SimClient.Reply tooBig = client.get(token,
        "/v1.0/tenantRelationships/delegatedAdminCustomers?$top=301");
    cloud.faults().failGdap(msp.id());
    SimClient.Reply failed = client.get(token, "/v1.0/tenantRelationships/delegatedAdminCustomers");
    List<Map<String, Object>> contracts = values(client.get(token, "/v1.0/contracts").json());

    assertThat(gdap).hasSize(1);
    assertThat(values(all)).extracting(c -> c.get("tenantId"))
        .containsExactlyInAnyOrder(contoso.id(), fabrikam.id());
    assertThat(failed.status()).isEqualTo(403);
    assertThat(contracts).extracting(c -> c.get("defaultDomainName"))
        .containsExactlyInAnyOrder(contoso.defaultDomain(), fabrikam.defaultDomain());
    assertThat(tooBig.status()).isEqualTo(400);
  }

  @Test
  void sendMailAccepts202AndKeepsTheMessage() {
    contoso.consent(app, Permissions.MAIL_SEND);
    String token = client.token(contoso.id(), CLIENT_ID, "secret");
    String upn = (String) contoso.users().list().get(0).get("userPrincipalName");

    SimClient.Reply reply = client.post(token, "/v1.0/users/" + upn + "/sendMail",
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
