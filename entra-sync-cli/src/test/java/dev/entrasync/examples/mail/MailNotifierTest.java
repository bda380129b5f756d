package dev.entrasync.examples.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.mail.MailSender;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SentMail;
import dev.entrasync.testkit.SimulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailNotifierTest {

    private static final List<String> NOC = List.of("noc@northwind.example");

    private final DemoCloud microsoft = DemoCloud.start(40, "http://localhost:8080/entra/consent", true);
    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final InMemoryTenantMapper companies = new InMemoryTenantMapper();
    private final InMemoryDatasetSink sink = new InMemoryDatasetSink();
    private final EntraSync entra;
    private final MailSender mail;

    MailNotifierTest() {
        credentials.save(microsoft.credential("northwind", null));
        entra = EntraSync.builder().credentials(credentials).build();
        mail = entra.mail();
        microsoft.partner().consent(microsoft.app(), Permissions.MAIL_SEND);
    }

    @AfterEach
    void close() {
        entra.close();
        microsoft.close();
    }

    private MailNotifier notifier(MailSettings settings) {
        return new MailNotifier(
                settings,
                mail,
                RecordSource.of(sink),
                tenant -> companies
                        .findByTenant(tenant)
                        .map(TenantMapping::displayName)
                        .orElse(tenant.value()));
    }

    private SyncJob sync(MailNotifier notifier, SimulatedTenant tenant) throws InterruptedException {
        companies.map(new TenantMapping(
                tenant.displayName(),
                TenantId.of(tenant.id()),
                "northwind",
                tenant.displayName(),
                null,
                EnumSet.allOf(Dataset.class),
                false));
        try (SyncEngine engine =
                entra.engine().tenants(companies).sink(sink).listener(notifier).build()) {
            SyncJob job = engine.syncNow(TenantId.of(tenant.id()));
            return engine.await(job.id(), Duration.ofMinutes(5));
        }
    }

    @Test
    void mailsACompanySummaryWithItsCounts() throws Exception {
        microsoft.contoso().consent(microsoft.app(), Permissions.allRead());
        MailNotifier notifier = notifier(new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, NOC));
        SyncJob job = sync(notifier, microsoft.contoso());

        boolean sent = notifier.sendSummary(job.tenant(), job);

        assertThat(sent).isTrue();
        List<SentMail> mails = microsoft.cloud().sentMail();
        assertThat(mails).hasSize(1);
        SentMail summary = mails.get(0);
        assertThat(summary.tenantId()).isEqualTo(microsoft.partner().id());
        assertThat(summary.senderUserPrincipalName()).isEqualTo(DemoCloud.MAIL_SENDER);
        assertThat(summary.toRecipients()).isEqualTo(NOC);
        assertThat(summary.subject()).isEqualTo("Contoso: Entra ID summary");
        assertThat(summary.body())
                .contains("Users: 42 (MFA registered: ")
                .contains("Devices: 20 (")
                .contains("Last sync: SUCCEEDED");
    }

    @Test
    void mailsASyncFailingNoticeNamingTheFailedDataset() throws Exception {
        microsoft.litware().consent(microsoft.app(), Permissions.allRead());
        microsoft.litwareRemovesAPermission();

        sync(notifier(new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, NOC)), microsoft.litware());

        List<SentMail> mails = microsoft.cloud().sentMail();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Litware: sync failing");
        assertThat(mails.get(0).body())
                .contains("ended PARTIAL")
                .contains("- secure_scores: ")
                .contains("SecurityEvents.Read.All");
    }

    @Test
    void mailsASecretExpiringNotice() {
        MailNotifier notifier = notifier(new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, NOC));

        notifier.secretExpiring(new SecretExpiryWarning(
                "northwind",
                Instant.parse("2026-12-01T00:00:00Z"),
                7,
                7,
                "The client secret of credential 'northwind' expires in 7 days."));

        assertThat(microsoft.cloud().sentMail())
                .singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Client secret of 'northwind' expires in 7 days"));
    }

    @Test
    void sendsNothingAndCallsNoGraphWhenMailIsDisabled() throws Exception {
        microsoft.litware().consent(microsoft.app(), Permissions.allRead());
        microsoft.litwareRemovesAPermission();
        MailNotifier notifier = new MailNotifier(MailSettings.disabled(), null, RecordSource.of(sink), TenantId::value);

        SyncJob job = sync(notifier, microsoft.litware());
        boolean sent = notifier.sendSummary(job.tenant(), job);

        assertThat(sent).isFalse();
        assertThat(microsoft.cloud().sentMail()).isEmpty();
        assertThat(microsoft.cloud().graphCalls()).noneMatch(c -> c.path().endsWith("/sendMail"));
    }

    @Test
    void enabledMailNeedsASenderAndRecipients() {
        assertThatThrownBy(() -> new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipients");
    }
}
