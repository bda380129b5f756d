package dev.entrasync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.AppCredential;
import dev.entrasync.GraphException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.RecordedCall;
import dev.entrasync.testkit.SentMail;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailSenderTest {

    private static final String SENDER = "reports@northwindmsp.onmicrosoft.com";

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    private final SimulatedTenant partner = sim.cloud.addTenant(TenantBuilder.create("Northwind MSP")
            .seed(3)
            .users(5)
            .tenantId(SimulatedCloudFixture.HOME_TENANT)
            .build());
    private final MailSender mail =
            sim.runtime(dev.entrasync.GraphLimits.ofDefaults()).mail();

    MailSenderTest() {
        partner.users().add(Map.of("userPrincipalName", SENDER, "displayName", "MSP Reports", "accountEnabled", true));
    }

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void sendsFromTheHomeTenantsMailboxInOneRequest() {
        partner.consent(sim.app, Permissions.MAIL_SEND);

        mail.send(
                "msp",
                MailMessage.html(
                        SENDER,
                        List.of("ops@northwind.example", "noc@northwind.example"),
                        "Contoso: 1,200 users",
                        "<p>All good</p>"));

        List<SentMail> sent = sim.cloud.sentMail();
        assertThat(sent).hasSize(1);
        SentMail message = sent.get(0);
        assertThat(message.tenantId()).isEqualTo(SimulatedCloudFixture.HOME_TENANT);
        assertThat(message.senderUserPrincipalName()).isEqualTo(SENDER);
        assertThat(message.subject()).isEqualTo("Contoso: 1,200 users");
        assertThat(message.body()).isEqualTo("<p>All good</p>");
        assertThat(message.toRecipients()).containsExactly("ops@northwind.example", "noc@northwind.example");
        assertThat(message.rawJson()).contains("\"contentType\":\"HTML\"");
        List<RecordedCall> graph = sim.cloud.graphCalls();
        assertThat(graph).hasSize(1);
        assertThat(graph.get(0).method()).isEqualTo("POST");
        assertThat(graph.get(0).path()).isEqualTo("/v1.0/users/" + SENDER + "/sendMail");
    }

    @Test
    void namesMailSendWhenTheAppLacksIt() {
        partner.consent(sim.app, Permissions.ORGANIZATION_READ_ALL);

        assertThatThrownBy(() -> mail.send("msp", MailMessage.text(SENDER, List.of("ops@northwind.example"), "s", "b")))
                .isInstanceOf(MissingPermissionException.class)
                .hasMessageContaining("Mail.Send");
        assertThat(sim.cloud.sentMail()).isEmpty();
    }

    @Test
    void reportsASenderWithoutMailboxAsNotFound() {
        partner.consent(sim.app, Permissions.MAIL_SEND);

        assertThatThrownBy(() -> mail.send(
                        "msp",
                        MailMessage.text(
                                "nobody@northwindmsp.onmicrosoft.com", List.of("ops@northwind.example"), "s", "b")))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void refusesAnUnknownCredential() {
        assertThatThrownBy(() -> mail.send("nope", MailMessage.text(SENDER, List.of("a@b.example"), "s", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no credential named 'nope'");
    }

    @Test
    void neverPutsTheSecretInAnError() {
        partner.consent(sim.app, Permissions.MAIL_SEND);
        sim.credentials.save(sim.credential("wrong-secret-value-0123456789"));

        assertThatThrownBy(() -> mail.send("msp", MailMessage.text(SENDER, List.of("a@b.example"), "s", "b")))
                .isInstanceOf(dev.entrasync.TokenException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong-secret-value"));
        AppCredential stored = sim.credentials.find("msp").orElseThrow();
        assertThat(stored.toString()).doesNotContain("wrong-secret-value");
    }

    @Test
    void theRuntimeBuilderNamesTheMissingCredentialStore() {
        assertThatThrownBy(() -> dev.entrasync.runtime.EntraSync.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("credentials(CredentialStore)");
    }
}
