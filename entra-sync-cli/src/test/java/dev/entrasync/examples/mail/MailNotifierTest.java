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
import dev.entrasync.examples.support.HostDatabase;
import dev.entrasync.examples.support.KeyRings;
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
    private static final String MFA_FIX = "Create a Conditional Access policy requiring MFA for All users and All"
            + " cloud apps (excluding only emergency access accounts), or turn security defaults on if the tenant has"
            + " no Entra ID P1.";
    private static final String GRAPH_FIX = "Check each application's owner and need; replace the permissions with"
            + " least-privileged ones (read-only, or Sites.Selected-style scoped ones) or remove the grant in"
            + " Enterprise applications > Permissions.";
    private static final String SECRETS_FIX = "Add a new credential, switch the application to it, then delete the"
            + " old one; delete expired credentials nobody uses.";
    private static final String INTUNE_FIX = "Open each device in Intune (Devices > Monitor > Noncompliant devices),"
            + " fix what its compliance policy reports, or retire devices no longer used.";

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
                tenant -> List.of(), // the in-memory sink stores no findings; see the database test below
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
                .contains("Last sync: SUCCEEDED")
                .endsWith("\nOpen findings: none\n");
    }

    @Test
    void theSummaryListsTheOpenFindingsMostSevereFirstWithoutTheMutedOnes() throws Exception {
        microsoft.contoso().consent(microsoft.app(), Permissions.allRead());
        try (HostDatabase db =
                HostDatabase.open("jdbc:h2:mem:mail-findings;DB_CLOSE_DELAY=-1", "sa", "", KeyRings.ephemeral())) {
            db.credentials().save(microsoft.credential("northwind", null));
            MailNotifier notifier = new MailNotifier(
                    new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, NOC),
                    db.runtime().mail(),
                    RecordSource.of(db.storage().queries()),
                    db.storage().queries()::findings,
                    tenant -> "Contoso");
            TenantId contoso = TenantId.of(microsoft.contoso().id());
            db.mapper()
                    .map(new TenantMapping(
                            "C-1", contoso, "northwind", "Contoso", null, EnumSet.allOf(Dataset.class), false));
            SyncJob first;
            try (SyncEngine engine = db.engineBuilder().build()) {
                first = engine.await(engine.syncNow(contoso).id(), Duration.ofMinutes(5));
            }
            db.storage().findings().mute(contoso, "unassigned-licenses", true);

            notifier.sendSummary(contoso, first);
            db.storage().findings().mute(contoso, "unassigned-licenses", false);
            SyncJob second;
            try (SyncEngine engine = db.engineBuilder().build()) {
                second = engine.await(engine.syncNow(contoso).id(), Duration.ofMinutes(5));
            }
            notifier.sendSummary(contoso, second);

            List<SentMail> mails = microsoft.cloud().sentMail();
            assertThat(mails).hasSize(2);
            assertThat(mails.get(0).body())
                    .as("the first sync found every finding: all NEW; the muted one left out and counted")
                    .endsWith("\nLast sync: SUCCEEDED at " + first.finishedAt() + "\n\n"
                            + "Open findings: 4 (4 NEW: first found by the last sync)\n"
                            + "- CRITICAL: MFA is not enforced for all users (3 affected) NEW\n"
                            + "  Fix: " + MFA_FIX + "\n"
                            + "- HIGH: Service principals with high-privilege Microsoft Graph application"
                            + " permissions (2 affected) NEW\n"
                            + "  Fix: " + GRAPH_FIX + "\n"
                            + "- MEDIUM: Application secrets or certificates expired or expiring within 30 days"
                            + " (2 affected) NEW\n"
                            + "  Fix: " + SECRETS_FIX + "\n"
                            + "- MEDIUM: Intune devices not compliant (4 affected) NEW\n"
                            + "  Fix: " + INTUNE_FIX + "\n"
                            + "1 muted finding is left out.\n");
            assertThat(mails.get(1).body())
                    .as("the second sync found the same: none NEW; the unmuted one back in its place")
                    .endsWith("\nLast sync: SUCCEEDED at " + second.finishedAt() + "\n\n"
                            + "Open findings: 5\n"
                            + "- CRITICAL: MFA is not enforced for all users (3 affected)\n"
                            + "  Fix: " + MFA_FIX + "\n"
                            + "- HIGH: Service principals with high-privilege Microsoft Graph application"
                            + " permissions (2 affected)\n"
                            + "  Fix: " + GRAPH_FIX + "\n"
                            + "- MEDIUM: Application secrets or certificates expired or expiring within 30 days"
                            + " (2 affected)\n"
                            + "  Fix: " + SECRETS_FIX + "\n"
                            + "- MEDIUM: Intune devices not compliant (4 affected)\n"
                            + "  Fix: " + INTUNE_FIX + "\n"
                            + "- LOW: Paid licences unassigned (2 affected)\n"
                            + "  Fix: Assign them to users who need them, or reduce the subscription's quantity at its"
                            + " next renewal.\n");
        }
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
        MailNotifier notifier = new MailNotifier(
                MailSettings.disabled(), null, RecordSource.of(sink), tenant -> List.of(), TenantId::value);

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
