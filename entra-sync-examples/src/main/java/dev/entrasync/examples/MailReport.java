package dev.entrasync.examples;

import dev.entrasync.EntraSync;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.examples.mail.MailNotifier;
import dev.entrasync.examples.mail.MailSettings;
import dev.entrasync.examples.support.DemoCloud;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.onboarding.InMemoryConsentStore;
import dev.entrasync.onboarding.InMemoryTenantMapper;
import dev.entrasync.onboarding.Onboarding;
import dev.entrasync.onboarding.TenantMapping;
import dev.entrasync.testkit.Permissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Shows mail reports: per-company summaries and "sync failing" / "secret expiring" notices through Graph sendMail. */
public final class MailReport {

    public static void main(String... args) throws InterruptedException {
        try (DemoCloud microsoft = DemoCloud.start(200, "http://localhost:8080/entra/consent", true)) {
            microsoft.partner().consent(microsoft.app(), microsoft.app().configuredPermissions().toArray(String[]::new));
            microsoft.contoso().consent(microsoft.app(), Permissions.allRead());
            microsoft.litware().consent(microsoft.app(), Permissions.allRead());
            microsoft.litwareRemovesAPermission();
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            credentials.save(microsoft.credential("northwind", Instant.now().plus(Duration.ofDays(10))));
            InMemoryTenantMapper companies = new InMemoryTenantMapper();
            InMemoryDatasetSink sink = new InMemoryDatasetSink();
            MailSettings settings = new MailSettings(true, "northwind", DemoCloud.MAIL_SENDER, List.of("noc@northwind.example"));
            try (EntraSync entra = EntraSync.builder().credentials(credentials).build()) { // one runtime per host
                MailNotifier notifier = new MailNotifier(settings, entra.mail(), RecordSource.of(sink),
                        tenant -> companies.findByTenant(tenant).map(TenantMapping::displayName).orElse(tenant.value()));
                for (var tenant : List.of(microsoft.contoso(), microsoft.litware())) {
                    companies.map(new TenantMapping(tenant.displayName(), TenantId.of(tenant.id()), "northwind",
                            tenant.displayName(), null, EnumSet.allOf(dev.entrasync.Dataset.class), false));
                }
                try (SyncEngine engine = entra.engine().tenants(companies).sink(sink).listener(notifier).build()) {
                    for (SyncJob job : engine.syncAllNow()) {
                        notifier.sendSummary(job.tenant(), engine.await(job.id(), Duration.ofMinutes(10)));
                    }
                }
                Onboarding onboarding = entra.onboarding().consents(new InMemoryConsentStore())
                        .stateKey(new java.security.SecureRandom().generateSeed(32)).redirectUri("http://localhost:8080/entra/consent").mailEnabled(true)
                        .secretListener(notifier).build();
                onboarding.secrets().checkExpiries();
            }
            microsoft.cloud().sentMail().forEach(m -> System.out.printf("Mailed %s from %s: %s%n",
                    m.toRecipients(), m.senderUserPrincipalName(), m.subject()));
        }
    }
}
