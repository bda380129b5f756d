package dev.entrasync.examples.mail;

import dev.entrasync.DatasetResult;
import dev.entrasync.JobStatus;
import dev.entrasync.SecretExpiryWarning;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncListener;
import dev.entrasync.TenantId;
import dev.entrasync.examples.support.RecordSource;
import dev.entrasync.examples.support.TenantSummary;
import dev.entrasync.mail.MailMessage;
import dev.entrasync.mail.MailSender;
import dev.entrasync.onboarding.SecretListener;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails what a partner's service desk wants to know: a company's summary on request, and on its own a
 * "sync failing" notice when a job ends FAILED or PARTIAL and a "secret expiring" notice at each expiry
 * warning. Listens to the engine ({@link SyncListener}) and to the secret lifecycle ({@link SecretListener}).
 * With mail disabled it sends nothing and never calls Graph. A failure to send is logged, never thrown into
 * the engine. Thread-safe.
 */
public final class MailNotifier implements SyncListener, SecretListener {

    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final MailSettings settings;
    private final MailSender mail;
    private final RecordSource records;
    private final Function<TenantId, String> companyName;

    /**
     * @param mail the sender; may be null when mail is disabled
     * @param companyName the host's name for a tenant's company
     */
    public MailNotifier(
            MailSettings settings, MailSender mail, RecordSource records, Function<TenantId, String> companyName) {
        if (settings.enabled() && mail == null) {
            throw new IllegalArgumentException("mail: enabled mail needs a MailSender");
        }
        this.settings = settings;
        this.mail = mail;
        this.records = records;
        this.companyName = companyName;
    }

    /** Mails the company's summary; returns whether a message was sent. */
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
                + "Last sync: " + (lastJob == null ? "never" : lastJob.status() + " at " + lastJob.finishedAt()) + "\n";
        return send(name + ": Entra ID summary", body);
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
            LOG.warn("Could not mail '{}': {}", subject, e.getMessage());
            return false;
        }
    }
}
