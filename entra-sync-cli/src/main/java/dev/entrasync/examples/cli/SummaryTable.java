package dev.entrasync.examples.cli;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.SyncJob;
import dev.entrasync.examples.support.TenantSummary;
import java.io.PrintStream;

/**
 * Prints one row per synced tenant (a count is {@code -} when its dataset was never synced; LICENCES counts paid
 * SKUs only; APPS counts app registrations and service principals, INTUNE Intune's managed devices), then the
 * reasons: a line starting {@code !} for each dataset that
 * failed (or the job's reason), {@code ~} for each warning. Fixed columns, so scripts and tests can read it; the
 * datasets without a column (sign-in activity, Conditional Access) get a line starting {@code +} when the job synced
 * them.
 */
final class SummaryTable {

    private static final String ROW = "%-16s %6s %5s %6s %7s %7s %6s %11s %5s %6s %9s %5s %6s  %s%n";

    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    void header() {
        out.printf(
                ROW,
                "TENANT",
                "USERS",
                "MFA",
                "ADMINS",
                "DEVICES",
                "MANAGED",
                "GROUPS",
                "LICENCES",
                "ROLES",
                "AUDIT",
                "SCORE",
                "APPS",
                "INTUNE",
                "STATUS");
    }

    void row(String name, TenantSummary s, SyncJob job) {
        out.printf(
                ROW,
                truncate(name),
                s.count(Dataset.USERS, s.users()),
                s.mfaText(),
                s.count(Dataset.USERS, s.admins()),
                s.count(Dataset.DEVICES, s.devices()),
                s.managedText(),
                s.count(Dataset.GROUPS, s.groups()),
                s.licensesText(),
                s.count(Dataset.ROLES, s.roles()),
                s.count(Dataset.AUDIT_LOGS, s.auditEvents()),
                s.secureScoreText(),
                s.count(Dataset.APPLICATIONS, s.applications()),
                s.count(Dataset.MANAGED_DEVICES, s.intuneDevices()),
                job.status());
        for (DatasetResult result : job.results()) {
            if (result.status() != DatasetResult.Status.SUCCEEDED) {
                continue;
            }
            switch (result.dataset()) {
                case SIGN_IN_ACTIVITY -> out.printf("  + sign_in_activity: %s%n", s.signInsText());
                case CONDITIONAL_ACCESS -> out.printf("  + conditional_access: %s%n", s.conditionalAccessText());
                default -> {}
            }
        }
        reasons(job);
    }

    void reasons(SyncJob job) {
        boolean datasetFailed = false;
        for (DatasetResult result : job.results()) {
            if (result.status() == DatasetResult.Status.FAILED) {
                datasetFailed = true;
                out.printf("  ! %s: %s%n", result.dataset().key(), result.error());
            }
            for (String warning : result.warnings()) {
                out.printf("  ~ %s: %s%n", result.dataset().key(), warning);
            }
        }
        if (!datasetFailed && job.reason() != null) {
            out.printf("  ! %s%n", job.reason());
        }
    }

    private static String truncate(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + "…";
    }
}
