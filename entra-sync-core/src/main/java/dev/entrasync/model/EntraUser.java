package dev.entrasync.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user, from Graph {@code /users} (or {@code /users/delta}), with the directory roles it holds
 * (from the role member lists) and its MFA registration (from the registration-details report).
 *
 * @param id object id
 * @param userPrincipalName UPN (guests carry {@code #EXT#})
 * @param displayName display name, or null
 * @param accountEnabled whether sign-in is allowed, or null
 * @param userType {@code Member} or {@code Guest}, or null
 * @param createdDateTime when created, or null
 * @param lastPasswordChangeDateTime when the password last changed, or null
 * @param otherMails additional addresses
 * @param passwordPolicies e.g. {@code DisablePasswordExpiration}, or null
 * @param assignedLicenses the licences assigned
 * @param directoryRoles display names of the activated directory roles the user is a member of
 * @param mfa MFA registration; {@link MfaStatus#unknown()} when the report could not be read
 */
public record EntraUser(
        String id,
        String userPrincipalName,
        String displayName,
        Boolean accountEnabled,
        String userType,
        Instant createdDateTime,
        Instant lastPasswordChangeDateTime,
        List<String> otherMails,
        String passwordPolicies,
        List<AssignedLicense> assignedLicenses,
        List<String> directoryRoles,
        MfaStatus mfa)
        implements EntraRecord {

    /**
     * Validates the components; copies the lists into unmodifiable ones, null read as empty; a null MFA status becomes
     * {@link MfaStatus#unknown()}.
     *
     * @param id object id; never null
     * @param userPrincipalName UPN (guests carry {@code #EXT#})
     * @param displayName display name, or null
     * @param accountEnabled whether sign-in is allowed, or null
     * @param userType {@code Member} or {@code Guest}, or null
     * @param createdDateTime when created, or null
     * @param lastPasswordChangeDateTime when the password last changed, or null
     * @param otherMails additional addresses; null is read as empty
     * @param passwordPolicies e.g. {@code DisablePasswordExpiration}, or null
     * @param assignedLicenses the licences assigned; null is read as empty
     * @param directoryRoles display names of the activated directory roles the user is a member of; null is read as
     *     empty
     * @param mfa MFA registration; {@link MfaStatus#unknown()} when the report could not be read; null is read as
     *     {@link MfaStatus#unknown()}
     * @throws NullPointerException if {@code id} is null
     */
    public EntraUser {
        Objects.requireNonNull(id, "id");
        otherMails = otherMails == null ? List.of() : List.copyOf(otherMails);
        assignedLicenses = assignedLicenses == null ? List.of() : List.copyOf(assignedLicenses);
        directoryRoles = directoryRoles == null ? List.of() : List.copyOf(directoryRoles);
        mfa = mfa == null ? MfaStatus.unknown() : mfa;
    }
}
