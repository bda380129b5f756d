package dev.entrasync.examples.mail;

import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.findings.Finding;
import dev.entrasync.jdbc.StoredFinding;
import dev.entrasync.mail.MailMessage;
import dev.entrasync.mail.MailSender;
import dev.entrasync.onboarding.SecretListener;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails what a partner's service desk wants to know: a company's summary with its open findings on request, and on
 * its own a "sync failing" notice when a job ends FAILED or PARTIAL and a "secret expiring" notice at each expiry
 * warning. Listens to the engine ({@link SyncListener}) and to the secret lifecycle ({@link SecretListener}).
 * With mail disabled it sends nothing and never calls Graph. A failure to send is logged, never thrown into
 * the engine. Thread-safe.
 */
public final class MailNotifier implements SyncListener, SecretListener {

    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final MailSettings settings;
    private final MailSender mail;
    private final RecordSource records;
    private final Function<TenantId, List<StoredFinding>> findings;
    private final Function<TenantId, String> companyName;
    private final AtomicInteger failedSends = new AtomicInteger();

    /**
     * @param mail the sender; may be null when mail is disabled
     * @param findings a tenant's stored findings, such as {@code JdbcQueries::findings}
     * @param companyName the host's name for a tenant's company
     */
    public MailNotifier(
            MailSettings settings,
            MailSender mail,
            RecordSource records,
            Function<TenantId, List<StoredFinding>> findings,
            Function<TenantId, String> companyName) {
        if (settings.enabled() && mail == null) {
            throw new IllegalArgumentException("mail: enabled mail needs a MailSender");
        }
        this.settings = settings;
        this.mail = mail;
        this.records = records;
        this.findings = findings;
        this.companyName = companyName;
    }

    /**
     * Mails the company's summary with its open findings (muted ones left out and counted); returns whether a message
     * was sent. Findings first found by {@code lastJob} (at or after it started) are marked NEW.
     */
    public boolean sendSummary(TenantId tenant, SyncJob lastJob) {
        TenantSummary s = TenantSummary.of(records, tenant);
        String name = companyName.apply(tenant);
        String body = "Entra ID summary for " + name + " (tenant " + tenant + ")\n\n"
                + "Users: " + s.users() + " (MFA registered: " + TenantSummary.percentText(s.mfaPercent()) + ")\n"
                + "Administrators: " + s.admins() + "\n"
                + "Devices: " + s.devices() + " (" + TenantSummary.percentText(s.managedPercent()) + " managed)\n"
                + "Groups: " + s.groups() + "\n"
                + "Licences: " + s.licensesUsed() + " used of " + s.licensesTotal() + "\n"
                + "Directory roles: " + s.roles() + "\n"
                + "Audit events: " + s.auditEvents() + "\n"
                + "Secure score: " + s.secureScoreText() + "\n"
                + "Last sync: " + (lastJob == null ? "never" : lastJob.status() + " at " + lastJob.finishedAt()) + "\n"
                + "\n" + findingsSection(findings.apply(tenant), lastJob);
        return send(name + ": Entra ID summary", body);
    }

    /**
     * The summary's findings: the open, unmuted ones most severe first ({@link StoredFinding#mostUrgentFirst()}),
     * each with its affected count and fix, NEW when first found by {@code lastJob}; then how many muted ones were left
     * out.
     */
    static String findingsSection(List<StoredFinding> stored, SyncJob lastJob) {
        Instant since = lastJob == null ? null : lastJob.startedAt();
        List<StoredFinding> open = stored.stream()
                .filter(StoredFinding::open)
                .sorted(StoredFinding.mostUrgentFirst())
                .toList();
        List<StoredFinding> shown = open.stream().filter(f -> !f.muted()).toList();
        long fresh = shown.stream()
                .filter(f -> since != null && !f.firstSeen().isBefore(since))
                .count();
        StringBuilder text = new StringBuilder("Open findings: ")
                .append(shown.isEmpty() ? "none" : String.valueOf(shown.size()))
                .append(fresh == 0 ? "" : " (" + fresh + " NEW: first found by the last sync)")
                .append('\n');
        for (StoredFinding f : shown) {
            Finding finding = f.finding();
            text.append("- ")
                    .append(finding.severity())
                    .append(": ")
                    .append(finding.title())
                    .append(
                            finding.affected().isEmpty()
                                    ? ""
                                    : " (" + finding.affected().size() + " affected)")
                    .append(since != null && !f.firstSeen().isBefore(since) ? " NEW" : "")
                    .append("\n  Fix: ")
                    .append(finding.fix())
                    .append('\n');
        }
        long muted = open.size() - shown.size();
        if (muted > 0) {
            text.append(muted)
                    .append(muted == 1 ? " muted finding is" : " muted findings are")
                    .append(" left out.\n");
        }
        return text.toString();
    }

    /**
     * How many messages this notifier could not send (each was logged as a warning with Graph's reason).
     *
     * @return the number of failed sends since this notifier was made; 0 when mail is disabled
     */
    public int failedSends() {
        return failedSends.get();
    }

    @Override
    public void jobFinished(SyncJob job) {
        if (job.status() != JobStatus.FAILED && job.status() != JobStatus.PARTIAL) {
            return;
        }
        StringBuilder body = new StringBuilder("The sync of " + companyName.apply(job.tenant()) + " (tenant "
                + job.tenant() + ") ended " + job.status() + ".\n\n");
        for (DatasetResult r : job.results()) {
            if (r.status() == DatasetResult.Status.FAILED) {
                body.append("- ")
                        .append(r.dataset().key())
                        .append(": ")
                        .append(r.error())
                        .append('\n');
            }
        }
        if (job.results().stream().noneMatch(r -> r.status() == DatasetResult.Status.FAILED) && job.reason() != null) {
            body.append("- ").append(job.reason()).append('\n');
        }
        send(companyName.apply(job.tenant()) + ": sync failing", body.toString());
    }

    @Override
    public void secretExpiring(SecretExpiryWarning warning) {
        send(
                warning.what() + " of '" + warning.credentialName() + "' expires in " + warning.daysLeft() + " days",
                warning.message());
    }

    @Override
    public void secretExpired(SecretExpiryWarning warning) {
        send(warning.what() + " of '" + warning.credentialName() + "' has expired", warning.message());
    }

    private boolean send(String subject, String body) {
        if (!settings.enabled()) {
            return false;
        }
        try {
            mail.send(settings.credentialName(), MailMessage.text(settings.from(), settings.to(), subject, body));
            return true;
        } catch (RuntimeException e) {
            failedSends.incrementAndGet();
            LOG.warn("Could not mail '{}': {}", subject, e.getMessage());
            return false;
        }
    }
}
