package dev.entrasync.examples;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.InMemoryCredentialStore;
import dev.entrasync.InMemoryDatasetSink;
import dev.entrasync.InMemoryTenantMapper;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.findings.Finding;
import dev.entrasync.findings.Findings;
import dev.entrasync.findings.TenantData;
import dev.entrasync.mail.MailMessage;
import dev.entrasync.mail.MailSender;
import dev.entrasync.runtime.EntraSync;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SentMail;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shows mail reports: after each sync a company's summary with its findings, and a "sync failing" notice when the
 * job ends FAILED or PARTIAL, sent through Graph sendMail on the runtime's {@code entra.mail()}.
 */
public final class MailReport {

    private static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    private static final String FROM = "reports@northwindmsp.onmicrosoft.com"; // a mailbox of your own tenant
    private static final List<String> TO = List.of("noc@northwind.example");

    public static void main(String... args) throws InterruptedException {
        try (SimulatedCloud microsoft = SimulatedCloud.start()) {
            microsoft.registerApp(CLIENT_ID, "demo-secret");
            SimulatedTenant home = microsoft.addTenant(
                    TenantBuilder.create("Northwind MSP").users(8).build());
            home.users().add(Map.of("userPrincipalName", FROM, "displayName", "Reports", "mail", FROM));
            home.consent(microsoft.app(CLIENT_ID), Permissions.MAIL_SEND); // Mail.Send in your own tenant only
            InMemoryCredentialStore credentials = new InMemoryCredentialStore();
            Cloud cloud = Cloud.custom(microsoft.loginUrl(), microsoft.graphUrl()); // Cloud.GLOBAL in production
            credentials.save(AppCredential.builder()
                    .name("northwind")
                    .cloud(cloud)
                    .homeTenant(home.id())
                    .clientId(CLIENT_ID)
                    .secret("demo-secret")
                    .build());
            InMemoryTenantMapper companies = new InMemoryTenantMapper();
            for (String name : List.of("Contoso", "Litware")) {
                SimulatedTenant tenant = microsoft.addTenant(
                        TenantBuilder.create(name).users(100).build());
                tenant.consent(microsoft.app(CLIENT_ID), Permissions.allRead());
                if (name.equals("Litware")) { // its administrator removed one
                    tenant.revoke(microsoft.app(CLIENT_ID), Permissions.SECURITY_EVENTS_READ_ALL);
                }
                TenantId id = TenantId.of(tenant.id());
                companies.map(
                        new TenantMapping(name, id, "northwind", name, null, EnumSet.allOf(Dataset.class), false));
            }
            InMemoryDatasetSink sink = new InMemoryDatasetSink();
            try (EntraSync entra = EntraSync.builder().credentials(credentials).build(); // one runtime per host
                    SyncEngine engine = entra.engine()
                            .tenants(companies)
                            .sink(sink)
                            .listener(new Reports(entra.mail(), companies, sink))
                            .build()) {
                for (SyncJob job : engine.syncAllNow()) {
                    engine.await(job.id(), Duration.ofMinutes(10));
                }
            }
            for (SentMail m : microsoft.sentMail()) {
                String summary = m.subject().endsWith("summary") ? m.body() + "\n" : ""; // notices: subject only
                System.out.printf(
                        "Mailed %s from %s: %s%n%s",
                        m.toRecipients(), m.senderUserPrincipalName(), m.subject(), summary);
            }
        }
    }

    /** Mails a summary with findings after each job, and a "sync failing" notice when it ends FAILED or PARTIAL. */
    private record Reports(MailSender mail, InMemoryTenantMapper companies, InMemoryDatasetSink sink)
            implements SyncListener {

        @Override
        public void jobFinished(SyncJob job) { // on the engine's thread
            String company = companies.findByTenant(job.tenant()).orElseThrow().displayName();
            int users = sink.records(job.tenant(), Dataset.USERS).size();
            Set<Dataset> synced = job.results().stream() // findings judge only what this job synced
                    .filter(r -> r.status() == DatasetResult.Status.SUCCEEDED)
                    .map(DatasetResult::dataset)
                    .collect(Collectors.toSet());
            StringBuilder findings = new StringBuilder("\n\nFindings, most severe first:");
            for (Finding f : Findings.builtIn().evaluate(TenantData.of(job.tenant(), Instant.now(), sink), synced)) {
                findings.append("\n- %s: %s (%d affected)\n  Fix: %s"
                        .formatted(f.severity(), f.title(), f.affected().size(), f.fix()));
            }
            send(company + ": Entra ID summary", "Users: " + users + "\nLast sync: " + job.status() + findings);
            if (job.status() == JobStatus.FAILED || job.status() == JobStatus.PARTIAL) {
                send(company + ": sync failing", "The sync ended " + job.status() + ": " + job.results());
            }
        }

        private void send(String subject, String body) {
            mail.send("northwind", MailMessage.text(FROM, TO, subject, body)); // Graph sendMail as FROM
        }
    }
}
