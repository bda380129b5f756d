package dev.entrasync.examples.support;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetResult;
import dev.entrasync.JobHistory;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraApplication;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraManagedDevice;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers an MSP looks at first for one tenant, computed from its synced records.
 *
 * @param tenant the tenant
 * @param users users (members and guests)
 * @param mfaKnown users whose MFA registration is known (0 without Entra ID P1)
 * @param mfaRegistered users with MFA registered
 * @param admins users holding at least one directory role
 * @param devices devices
 * @param managedDevices devices managed by Intune or another MDM
 * @param groups groups
 * @param licensesUsed licence units assigned, over every paid SKU (free SKUs such as Power Automate Free, with
 *     their 10,000 units, are counted apart)
 * @param licensesTotal licence units enabled, over every paid SKU
 * @param roles activated directory roles
 * @param auditEvents directory audit events
 * @param latestScore the latest secure score snapshot, or null when none was synced
 * @param freeLicensesUsed licence units assigned, over free SKUs ({@link #isFree})
 * @param freeLicensesTotal licence units enabled, over free SKUs
 * @param applications app registrations and service principals
 * @param intuneDevices Intune managed devices
 * @param synced the datasets that were synced at least once (the others show {@code -}, not 0)
 * @param signIns users with sign-in activity records (0 without Entra ID P1, whose sign-ins are unknown)
 * @param neverSignedIn of those, users with no sign-in Microsoft kept
 * @param caPolicies Conditional Access policies (0 without Entra ID P1)
 * @param caEnforced Conditional Access policies that are on
 * @param caReportOnly Conditional Access policies in report-only mode
 * @param caMfaForAllUsers enforced policies that require MFA of all users for all apps
 * @param securityDefaults whether security defaults are on, or null when not read
 * @param signInsUnknown whether the last sync of sign-in activity delivered nothing and said why (no Entra ID P1)
 */
public record TenantSummary(
        TenantId tenant,
        long users,
        long mfaKnown,
        long mfaRegistered,
        long admins,
        long devices,
        long managedDevices,
        long groups,
        long licensesUsed,
        long licensesTotal,
        long roles,
        long auditEvents,
        EntraSecureScore latestScore,
        long freeLicensesUsed,
        long freeLicensesTotal,
        long applications,
        long intuneDevices,
        Set<Dataset> synced,
        long signIns,
        long neverSignedIn,
        long caPolicies,
        long caEnforced,
        long caReportOnly,
        long caMfaForAllUsers,
        Boolean securityDefaults,
        boolean signInsUnknown) {

    /**
     * SKUs Microsoft gives away, usually with 10,000 "units" that say nothing about what a tenant pays for:
     * Power Automate Free, Power BI (free), Power Apps and Teams trials and the like. Any SKU whose part number
     * says FREE or VIRAL counts too.
     */
    private static final Set<String> FREE_SKUS = Set.of(
            "FLOW_FREE",
            "POWER_BI_STANDARD",
            "POWERAPPS_VIRAL",
            "POWERAPPS_DEV",
            "TEAMS_EXPLORATORY",
            "STREAM",
            "WINDOWS_STORE",
            "MICROSOFT_BUSINESS_CENTER",
            "RIGHTSMANAGEMENT_ADHOC",
            "CCIBOTS_PRIVPREV_VIRAL",
            "FORMS_PRO",
            "POWER_BI_PRO_TRIAL");

    /** Whether the SKU is free (see {@link #FREE_SKUS}). */
    public static boolean isFree(EntraLicense license) {
        String sku = license.skuPartNumber().toUpperCase(Locale.ROOT);
        return FREE_SKUS.contains(sku) || sku.contains("FREE") || sku.contains("VIRAL");
    }

    /** Reads the tenant's records and counts them, taking every dataset as synced. */
    public static TenantSummary of(RecordSource source, TenantId tenant) {
        return of(source, tenant, EnumSet.allOf(Dataset.class));
    }

    /**
     * Reads the tenant's records and counts them; the datasets that were synced at least once are those with a
     * SUCCEEDED result among the tenant's recent jobs.
     */
    public static TenantSummary of(RecordSource source, JobHistory jobs, TenantId tenant) {
        TenantSummary summary = of(source, tenant, synced(jobs, tenant));
        boolean unknown = jobs.history(tenant, 0, 100).stream()
                .flatMap(job -> job.result(Dataset.SIGN_IN_ACTIVITY).stream())
                .filter(r -> r.status() == DatasetResult.Status.SUCCEEDED)
                .findFirst()
                .map(r -> r.rowsUpserted() == 0 && !r.warnings().isEmpty())
                .orElse(false);
        return summary.withSignInsUnknown(unknown || summary.signInsUnknown());
    }

    private TenantSummary withSignInsUnknown(boolean unknown) {
        return new TenantSummary(
                tenant,
                users,
                mfaKnown,
                mfaRegistered,
                admins,
                devices,
                managedDevices,
                groups,
                licensesUsed,
                licensesTotal,
                roles,
                auditEvents,
                latestScore,
                freeLicensesUsed,
                freeLicensesTotal,
                applications,
                intuneDevices,
                synced,
                signIns,
                neverSignedIn,
                caPolicies,
                caEnforced,
                caReportOnly,
                caMfaForAllUsers,
                securityDefaults,
                unknown);
    }

    /** The datasets with a SUCCEEDED result in one of the tenant's latest 100 jobs. */
    public static Set<Dataset> synced(JobHistory jobs, TenantId tenant) {
        Set<Dataset> synced = EnumSet.noneOf(Dataset.class);
        for (SyncJob job : jobs.history(tenant, 0, 100)) {
            job.results().stream()
                    .filter(r -> r.status() == DatasetResult.Status.SUCCEEDED)
                    .forEach(r -> synced.add(r.dataset()));
        }
        return synced;
    }

    /**
     * Reads the tenant's records and counts them; datasets not in {@code synced} show {@code -}. Groups, roles, audit
     * events, applications and Intune devices are only counted ({@link RecordSource#count}: a query in the database).
     */
    public static TenantSummary of(RecordSource source, TenantId tenant, Set<Dataset> synced) {
        List<EntraUser> users = source.records(tenant, EntraUser.class);
        List<EntraDevice> devices = source.records(tenant, EntraDevice.class);
        List<EntraLicense> licenses = source.records(tenant, EntraLicense.class);
        List<EntraSignInActivity> signIns = source.records(tenant, EntraSignInActivity.class);
        List<EntraConditionalAccessPolicy> policies = source.records(tenant, EntraConditionalAccessPolicy.class);
        Boolean securityDefaults = source.records(tenant, EntraSecurityDefaults.class).stream()
                .map(EntraSecurityDefaults::enabled)
                .findFirst()
                .orElse(null);
        EntraSecureScore latest = source.records(tenant, EntraSecureScore.class).stream()
                .max(Comparator.comparing(EntraSecureScore::createdDateTime))
                .orElse(null);
        return new TenantSummary(
                tenant,
                users.size(),
                users.stream()
                        .filter(u -> u.mfa().state() != MfaStatus.State.UNKNOWN)
                        .count(),
                users.stream()
                        .filter(u -> u.mfa().state() == MfaStatus.State.REGISTERED)
                        .count(),
                users.stream().filter(u -> !u.directoryRoles().isEmpty()).count(),
                devices.size(),
                devices.stream().filter(d -> Boolean.TRUE.equals(d.isManaged())).count(),
                source.count(tenant, EntraGroup.class),
                licenses.stream()
                        .filter(l -> !isFree(l))
                        .mapToLong(EntraLicense::consumedUnits)
                        .sum(),
                licenses.stream()
                        .filter(l -> !isFree(l))
                        .mapToLong(EntraLicense::enabledUnits)
                        .sum(),
                source.count(tenant, EntraRole.class),
                source.count(tenant, EntraAuditEvent.class),
                latest,
                licenses.stream()
                        .filter(TenantSummary::isFree)
                        .mapToLong(EntraLicense::consumedUnits)
                        .sum(),
                licenses.stream()
                        .filter(TenantSummary::isFree)
                        .mapToLong(EntraLicense::enabledUnits)
                        .sum(),
                source.count(tenant, EntraApplication.class),
                source.count(tenant, EntraManagedDevice.class),
                Set.copyOf(synced),
                signIns.size(),
                signIns.stream().filter(a -> a.lastActivity() == null).count(),
                policies.size(),
                policies.stream()
                        .filter(EntraConditionalAccessPolicy::isEnforced)
                        .count(),
                policies.stream()
                        .filter(EntraConditionalAccessPolicy::isReportOnly)
                        .count(),
                policies.stream()
                        .filter(EntraConditionalAccessPolicy::enforcesMfaForAllUsers)
                        .count(),
                securityDefaults,
                signIns.isEmpty() && !users.isEmpty());
    }

    /**
     * Sign-in activity as {@code 63 users (5 never signed in)}: users with sign-in records and how many of them never
     * signed in;
     * {@code unknown (no Entra ID P1)} when {@link #signInsUnknown()} (Graph gives sign-in activity only with P1);
     * {@code -} when never synced.
     */
    public String signInsText() {
        if (!synced.contains(Dataset.SIGN_IN_ACTIVITY)) {
            return "-";
        }
        if (signInsUnknown) {
            return "unknown (no Entra ID P1)";
        }
        return signIns + " users (" + neverSignedIn + " never signed in)";
    }

    /**
     * Conditional Access as {@code 6 policies (4 on, 1 report-only), MFA for all users: yes, security defaults off};
     * {@code -} when never synced. "MFA for all users" is yes when security defaults are on or an enforced policy
     * requires MFA of all users for all apps.
     */
    public String conditionalAccessText() {
        if (!synced.contains(Dataset.CONDITIONAL_ACCESS)) {
            return "-";
        }
        return caPolicies + (caPolicies == 1 ? " policy (" : " policies (") + caEnforced + " on, " + caReportOnly
                + " report-only), MFA for all users: " + (mfaEnforced() ? "yes" : "no") + ", security defaults "
                + (securityDefaults == null ? "unknown" : securityDefaults ? "on" : "off");
    }

    /** Whether MFA is enforced for every user: security defaults on, or an enforced all-users MFA policy. */
    public boolean mfaEnforced() {
        return Boolean.TRUE.equals(securityDefaults) || caMfaForAllUsers > 0;
    }

    /** The count, or {@code -} when the dataset it comes from was never synced. */
    public String count(Dataset dataset, long count) {
        return synced.contains(dataset) ? String.valueOf(count) : "-";
    }

    /** Paid licence units {@code used/total}, or {@code -} when licences were never synced. */
    public String licensesText() {
        return synced.contains(Dataset.LICENSES) ? licensesUsed + "/" + licensesTotal : "-";
    }

    /** Free licence units {@code used/total}, or {@code -} when licences were never synced. */
    public String freeLicensesText() {
        return synced.contains(Dataset.LICENSES) ? freeLicensesUsed + "/" + freeLicensesTotal : "-";
    }

    /** MFA as {@link #percentText}, or {@code -} when users were never synced. */
    public String mfaText() {
        return synced.contains(Dataset.USERS) ? percentText(mfaPercent()) : "-";
    }

    /** Managed devices as {@link #percentText}, or {@code -} when devices were never synced. */
    public String managedText() {
        return synced.contains(Dataset.DEVICES) ? percentText(managedPercent()) : "-";
    }

    /** MFA registered as a whole percentage of the users whose registration is known; empty when none is known. */
    public Optional<Long> mfaPercent() {
        return percent(mfaRegistered, mfaKnown);
    }

    /** Managed devices as a whole percentage; empty without devices. */
    public Optional<Long> managedPercent() {
        return percent(managedDevices, devices);
    }

    /** The latest secure score as {@code current/max}, rounded, or {@code -} when none was synced. */
    public String secureScoreText() {
        if (latestScore == null || latestScore.currentScore() == null) {
            return "-";
        }
        return Math.round(latestScore.currentScore()) + "/"
                + (latestScore.maxScore() == null ? "?" : String.valueOf(Math.round(latestScore.maxScore())));
    }

    /** {@code 42%}, or {@code n/a}. */
    public static String percentText(Optional<Long> percent) {
        return percent.map(p -> p + "%").orElse("n/a");
    }

    private static Optional<Long> percent(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of(Math.round(100.0 * part / whole));
    }
}
