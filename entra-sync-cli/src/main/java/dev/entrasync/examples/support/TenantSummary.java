package dev.entrasync.examples.support;

import dev.entrasync.TenantId;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 * @param licensesUsed licence units assigned, over every subscribed SKU
 * @param licensesTotal licence units enabled, over every subscribed SKU
 * @param roles activated directory roles
 * @param auditEvents directory audit events
 * @param latestScore the latest secure score snapshot, or null when none was synced
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
        EntraSecureScore latestScore) {

    /** Reads the tenant's records and counts them. */
    public static TenantSummary of(RecordSource source, TenantId tenant) {
        List<EntraUser> users = source.records(tenant, EntraUser.class);
        List<EntraDevice> devices = source.records(tenant, EntraDevice.class);
        List<EntraLicense> licenses = source.records(tenant, EntraLicense.class);
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
                source.records(tenant, EntraGroup.class).size(),
                licenses.stream().mapToLong(EntraLicense::consumedUnits).sum(),
                licenses.stream().mapToLong(EntraLicense::enabledUnits).sum(),
                source.records(tenant, EntraRole.class).size(),
                source.records(tenant, EntraAuditEvent.class).size(),
                latest);
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
