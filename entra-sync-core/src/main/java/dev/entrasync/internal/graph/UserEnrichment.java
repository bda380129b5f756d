package dev.entrasync.internal.graph;

import dev.entrasync.MissingPermissionException;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import dev.entrasync.model.RecordPatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What users get from the tenant's indexes rather than from {@code /users}: directory role names
 * (from the role member lists), MFA (from the registration report) and licence names (from the
 * subscribed SKUs). The MFA report or licence list being unreadable only adds a warning; the role
 * lists being unreadable fails the users (an empty role list would be a false "no roles").
 */
final class UserEnrichment {

    private static final int PATCH_BATCH = 999;

    private final Map<String, List<String>> rolesByUser = new HashMap<>();
    private final MfaIndex mfa;
    private final Map<String, String> licenseNames;

    private UserEnrichment(List<EntraRole> roles, MfaIndex mfa, Map<String, String> licenseNames) {
        for (EntraRole role : roles) {
            for (EntraRoleMember member : role.members()) {
                if (member.type().equals("user")) {
                    rolesByUser
                            .computeIfAbsent(member.id(), k -> new ArrayList<>())
                            .add(role.displayName());
                }
            }
        }
        rolesByUser.values().forEach(names -> names.sort(null));
        this.mfa = mfa;
        this.licenseNames = licenseNames;
    }

    /** Reads (or reuses) the MFA report, the role lists and the SKUs, in that order, before any user. */
    static UserEnrichment load(FetchContext context) {
        MfaIndex mfa = context.indexes().mfa(context.stats());
        if (!mfa.available()) {
            context.warn(mfa.unavailableReason());
        }
        RolesFetcher.RoleIndex roleIndex = context.indexes().roles(context.stats());
        roleIndex.warnings().forEach(context::warn);
        List<EntraRole> roles = roleIndex.roles();
        Map<String, String> names = null;
        try {
            names = new HashMap<>();
            for (EntraLicense sku : context.indexes().licenses(context.stats())) {
                names.put(sku.skuId(), sku.productName());
            }
        } catch (MissingPermissionException e) {
            names = null;
            context.warn(
                    "Licence names are unknown on users (their SKU ids are kept): the app lacks "
                            + e.permissions().get(0) + ". Fix: add "
                            + e.permissions().get(0)
                            + " (Microsoft Graph, Application) to the app registration and have an administrator consent again.");
        }
        return new UserEnrichment(roles, mfa, names);
    }

    /** A whole user with roles, MFA and licence names. */
    EntraUser apply(EntraUser user) {
        return with(user, rolesByUser.getOrDefault(user.id(), List.of()), mfa.of(user.id()));
    }

    /** A delta item as a patch: the properties Graph sent, plus roles and (when the report was read) MFA. */
    RecordPatch<EntraUser> patch(EntraUser user, Set<String> graphFields) {
        Set<String> fields = new HashSet<>(graphFields);
        fields.add("directoryRoles");
        if (mfa.available()) {
            fields.add("mfa");
        }
        return RecordPatch.upsert(apply(user), fields);
    }

    /**
     * After a delta round: refreshes roles and MFA of users the round did not return, since role and
     * MFA changes do not show in {@code /users/delta}. Covers today's role holders, the previous
     * run's (to clear a lost role) and every user in the MFA report; patches never create users.
     */
    void refreshUnchanged(Set<String> previousHolders, Set<String> seen, RecordWriter writer) {
        Set<String> ids = new LinkedHashSet<>(rolesByUser.keySet());
        ids.addAll(previousHolders);
        ids.addAll(mfa.users());
        ids.removeAll(seen);
        Set<String> fields = mfa.available() ? Set.of("directoryRoles", "mfa") : Set.of("directoryRoles");
        List<RecordPatch<EntraUser>> batch = new ArrayList<>(PATCH_BATCH);
        for (String id : ids) {
            EntraUser values = new EntraUser(
                    id,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    rolesByUser.getOrDefault(id, List.of()),
                    mfa.of(id));
            batch.add(RecordPatch.update(values, fields));
            if (batch.size() == PATCH_BATCH) {
                writer.merge(batch);
                batch = new ArrayList<>(PATCH_BATCH);
            }
        }
        writer.merge(batch);
    }

    /** The users holding a directory role now (saved so the next delta run can clear lost roles). */
    Set<String> roleHolders() {
        return rolesByUser.keySet();
    }

    private EntraUser with(EntraUser u, List<String> roles, MfaStatus status) {
        List<AssignedLicense> licenses = u.assignedLicenses().stream()
                .map(l -> new AssignedLicense(l.skuId(), licenseNames == null ? null : licenseNames.get(l.skuId())))
                .toList();
        return new EntraUser(
                u.id(),
                u.userPrincipalName(),
                u.displayName(),
                u.accountEnabled(),
                u.userType(),
                u.createdDateTime(),
                u.lastPasswordChangeDateTime(),
                u.otherMails(),
                u.passwordPolicies(),
                licenses,
                roles,
                status);
    }
}
