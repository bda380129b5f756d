package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Adds the hand-picked rows of the public {@code ContosoFixture} to a generated tenant. */
public final class Fixtures {
    private Fixtures() {}

    /**
     * Adds the Contoso rows; {@code ids} are, in order: admin user, guest, unmanaged device, Global
     * Administrator, User Administrator and Helpdesk Administrator roles, helpdesk group, service
     * principal.
     */
    public static void contoso(TenantData tenant, List<String> ids) {
        String domain = tenant.defaultDomain();
        String skuId = (String) tenant.store("subscribedSkus").all().get(0).get("skuId");
        Map<String, Object> adele =
                user(ids.get(0), "Adele", "Vance", "adele.vance@" + domain, "Member", "IT Administrator", skuId);
        adele.put("passwordPolicies", "DisablePasswordExpiration");
        tenant.store("users").put(adele);
        Map<String, Object> alex =
                user(ids.get(1), "Alex", "Wilber", "alex.wilber_fabrikam.com#EXT#@" + domain, "Guest", null, skuId);
        alex.put("mail", "alex.wilber@fabrikam.com");
        alex.put("otherMails", List.of("alex.wilber@fabrikam.com"));
        alex.put("creationType", "Invitation");
        alex.put("externalUserState", "Accepted");
        alex.put("assignedLicenses", List.of());
        tenant.store("users").put(alex);
        tenant.store("userRegistrationDetails")
                .put(ReportGenerator.row(adele, List.of("microsoftAuthenticatorPush", "softwareOneTimePasscode")));
        tenant.store("userRegistrationDetails").put(ReportGenerator.row(alex, List.of()));

        Map<String, Object> kiosk =
                new LinkedHashMap<>(tenant.store("devices").all().get(0));
        kiosk.put("id", ids.get(2));
        // its own Entra device id: the copied one is device 0's, whose Intune managed device would then name both
        kiosk.put(
                "deviceId",
                UUID.nameUUIDFromBytes(("deviceId/" + ids.get(2)).getBytes(StandardCharsets.UTF_8))
                        .toString());
        kiosk.put("displayName", "KIOSK-01");
        kiosk.put("trustType", "AzureAd");
        kiosk.put("isManaged", null);
        kiosk.put("isCompliant", null);
        kiosk.put("managementType", null);
        kiosk.put("enrollmentType", null);
        kiosk.put("onPremisesSyncEnabled", null);
        tenant.store("devices").put(kiosk);

        Map<String, Object> group =
                new LinkedHashMap<>(tenant.store("groups").all().get(0));
        group.put("id", ids.get(6));
        group.put("displayName", "Tier 1 Helpdesk");
        group.put("isAssignableToRole", true);
        group.put("securityEnabled", true);
        group.put("mailEnabled", false);
        group.put("mail", null);
        group.put("groupTypes", List.of());
        group.put("proxyAddresses", List.of());
        group.put("securityIdentifier", GroupGenerator.securityIdentifier(ids.get(6)));
        tenant.store("groups").put(group);
        String member = (String) tenant.store("users").all().get(0).get("id");
        tenant.addGroupMember(ids.get(6), member, DirectoryGenerator.USER, false);

        Map<String, Object> sp = new LinkedHashMap<>(tenant.store("servicePrincipals").all().stream()
                .filter(e -> tenant.id().equals(e.get("appOwnerOrganizationId")))
                .findFirst()
                .orElseThrow());
        sp.put("id", ids.get(7));
        sp.put("displayName", "Contoso Backup Connector");
        sp.put("appDisplayName", "Contoso Backup Connector");
        tenant.store("servicePrincipals").put(sp);

        role(tenant, ids.get(3), RoleCatalog.GLOBAL_ADMINISTRATOR);
        role(tenant, ids.get(4), RoleCatalog.USER_ADMINISTRATOR);
        role(tenant, ids.get(5), RoleCatalog.HELPDESK_ADMINISTRATOR);
        tenant.addRoleMember(ids.get(3), ids.get(0), DirectoryGenerator.USER);
        tenant.addRoleMember(ids.get(4), ids.get(0), DirectoryGenerator.USER);
        tenant.addRoleMember(ids.get(5), ids.get(6), DirectoryGenerator.GROUP);
        tenant.addRoleMember(ids.get(5), ids.get(7), DirectoryGenerator.SERVICE_PRINCIPAL);
        RoleAuditEvents.describeGenerated(tenant);
    }

    private static void role(TenantData tenant, String id, RoleCatalog.Role role) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", id);
        entity.put("deletedDateTime", null);
        entity.put("description", role.description());
        entity.put("displayName", role.displayName());
        entity.put("roleTemplateId", role.templateId());
        tenant.store("directoryRoles").put(entity);
    }

    private static Map<String, Object> user(
            String id, String given, String surname, String upn, String type, String title, String skuId) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("businessPhones", List.of());
        user.put("displayName", given + " " + surname);
        user.put("givenName", given);
        user.put("jobTitle", title);
        user.put("mail", type.equals("Member") ? upn : null);
        user.put("mobilePhone", null);
        user.put("officeLocation", null);
        user.put("preferredLanguage", "en-US");
        user.put("surname", surname);
        user.put("userPrincipalName", upn);
        user.put("accountEnabled", true);
        user.put("createdDateTime", "2021-03-04T09:15:00Z");
        user.put("lastPasswordChangeDateTime", "2024-11-20T08:00:00Z");
        user.put("otherMails", List.of());
        user.put("passwordPolicies", null);
        user.put("userType", type);
        user.put("assignedLicenses", List.of(Map.of("disabledPlans", List.of(), "skuId", skuId)));
        return user;
    }
}
