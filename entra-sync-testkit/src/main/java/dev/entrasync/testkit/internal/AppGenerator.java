package dev.entrasync.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a tenant's app registrations and service principals as Graph returns them: the tenant's own apps (the
 * third-party service principals {@link DirectoryGenerator} made, now with their app registrations and client
 * secrets, one expiring within a month and one expired), Microsoft's first-party service principals (Microsoft Graph
 * with its {@code appRoles}, Exchange Online, SharePoint Online), a SAML enterprise app whose service principal holds
 * its signing certificate, and the Microsoft Graph application permissions granted to the tenant's apps
 * ({@code appRoleAssignment}s whose resource is the Microsoft Graph service principal).
 */
final class AppGenerator {
    /** Microsoft Graph's application id, the same in every tenant. */
    static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    /** Microsoft's own tenant, the owner of its first-party applications. */
    static final String MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    /** A part of Microsoft Graph's application permissions: value and id (public cloud). */
    static final String[][] GRAPH_APP_ROLES = {
        {"User.Read.All", "df021288-bdef-4463-88db-98f22de89214"},
        {"User.ReadWrite.All", "741f803b-c850-494e-b5df-cde7c675a1ca"},
        {"Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61"},
        {"Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7"},
        {"Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b"},
        {"Device.Read.All", "7438b122-aefc-4978-80ed-43db9fcc7715"},
        {"AuditLog.Read.All", "b0afded3-3588-46d8-8b3d-9842eff778da"},
        {"Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"},
        {"Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"},
        {"Mail.Send", "b633e1c5-b582-4048-a93e-9f11b44c7e96"},
        {"Mail.Read", "810c84a8-4a9e-49e6-bf7d-12d183f40d01"},
        {"Files.Read.All", "01d4889c-1287-42c6-ac1f-5d1e02578ef6"},
        {"Sites.Read.All", "332a536c-c7ef-4017-ab91-336970924f0d"},
        {"Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6"},
        {"RoleManagement.Read.Directory", "483bed4a-2ad3-4361-a73b-c83ccdbdc53c"},
        {"SecurityEvents.Read.All", "bf394140-e372-4bf9-a898-299cfc7564e5"},
        {"DeviceManagementManagedDevices.Read.All", "2f51be20-0bb4-4fed-bf7b-db946066c75e"},
        {"LicenseAssignment.Read.All", "e2f98668-2877-4f38-a2f4-8202e0717aa1"}
    };

    /** The Graph permissions granted to each of the tenant's own apps, by the app's name suffix. */
    private static final Map<String, List<String>> GRANTS = Map.of(
            "Backup Connector", List.of("Files.Read.All", "Sites.Read.All", "User.Read.All", "Mail.Read"),
            "HR Sync", List.of("User.ReadWrite.All", "Directory.Read.All"),
            "Helpdesk Bot", List.of("User.Read.All", "Mail.Send"),
            "Reporting Service", List.of("AuditLog.Read.All", "Directory.Read.All", "Organization.Read.All"));

    private final Gen gen;

    AppGenerator(Gen gen) {
        this.gen = gen;
    }

    /** Adds the applications, Microsoft's service principals and the Graph permission grants to the tenant. */
    void generate() {
        TenantData tenant = gen.tenant;
        Map<String, Object> graph = firstParty(GRAPH_APP_ID, "Microsoft Graph");
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String[] role : GRAPH_APP_ROLES) {
            Map<String, Object> appRole = new LinkedHashMap<>();
            appRole.put("allowedMemberTypes", List.of("Application"));
            appRole.put("description", "Allows the app to use " + role[0] + " without a signed-in user.");
            appRole.put("displayName", role[0]);
            appRole.put("id", role[1]);
            appRole.put("isEnabled", true);
            appRole.put("origin", "Application");
            appRole.put("value", role[0]);
            roles.add(appRole);
        }
        graph.put("appRoles", roles);
        tenant.store("servicePrincipals").put(graph);
        tenant.store("servicePrincipals")
                .put(firstParty("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online"));
        tenant.store("servicePrincipals")
                .put(firstParty("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online"));

        List<Map<String, Object>> own = tenant.store("servicePrincipals").all().stream()
                .filter(sp -> tenant.id().equals(sp.get("appOwnerOrganizationId")))
                .toList();
        for (int i = 0; i < own.size(); i++) {
            Map<String, Object> sp = own.get(i);
            String name = (String) sp.get("displayName");
            tenant.store("applications").put(application(sp, i));
            String suffix =
                    GRANTS.keySet().stream().filter(name::endsWith).findFirst().orElse(null);
            for (String permission : suffix == null ? List.<String>of() : GRANTS.get(suffix)) {
                tenant.store("appRoleAssignments").put(grant(sp, graph, permission));
            }
        }

        Map<String, Object> saml = new LinkedHashMap<>();
        saml.put("id", gen.guid());
        saml.put("deletedDateTime", null);
        saml.put("accountEnabled", true);
        saml.put("appDisplayName", "Salesforce");
        saml.put("appId", gen.guid());
        saml.put("appOwnerOrganizationId", MICROSOFT_TENANT);
        saml.put("displayName", "Salesforce");
        saml.put("preferredSingleSignOnMode", "saml");
        saml.put("servicePrincipalType", "Application");
        saml.put("signInAudience", "AzureADMultipleOrgs");
        saml.put("passwordCredentials", List.of());
        Instant start = gen.daysAgo(700);
        saml.put(
                "keyCredentials",
                List.of(certificate(
                        "CN=Microsoft Azure Federated SSO Certificate",
                        start,
                        start.plus(Duration.ofDays(3 * 365)),
                        "Sign")));
        tenant.store("servicePrincipals").put(saml);
    }

    private Map<String, Object> firstParty(String appId, String name) {
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("id", gen.guid());
        sp.put("deletedDateTime", null);
        sp.put("accountEnabled", true);
        sp.put("appDisplayName", name);
        sp.put("appId", appId);
        sp.put("appOwnerOrganizationId", MICROSOFT_TENANT);
        sp.put("appRoles", List.of());
        sp.put("displayName", name);
        sp.put("keyCredentials", List.of());
        sp.put("passwordCredentials", List.of());
        sp.put("servicePrincipalNames", List.of(appId));
        sp.put("servicePrincipalType", "Application");
        sp.put("signInAudience", "AzureADMultipleOrgs");
        return sp;
    }

    /** The app registration of one of the tenant's own service principals; the i-th gets a telling secret. */
    private Map<String, Object> application(Map<String, Object> sp, int i) {
        Instant created = gen.daysAgo(900);
        List<Map<String, Object>> secrets = new ArrayList<>();
        if (i == 0) {
            // expires within a month: what an expiry report must show
            Instant end = gen.asOf.plus(Duration.ofDays(12));
            secrets.add(secret("Production", end.minus(Duration.ofDays(365)), end));
        } else if (i == 1) {
            Instant end = gen.asOf.minus(Duration.ofDays(20));
            secrets.add(secret("Old secret", end.minus(Duration.ofDays(180)), end));
            Instant start = gen.daysAgo(15);
            secrets.add(secret("Rotated", start, start.plus(Duration.ofDays(730))));
        } else {
            Instant start = gen.daysAgo(300);
            secrets.add(secret("Primary", start, start.plus(Duration.ofDays(730))));
        }
        List<Map<String, Object>> certificates = new ArrayList<>();
        if (i % 2 == 0) {
            Instant start = gen.daysAgo(200);
            certificates.add(
                    certificate("CN=" + sp.get("displayName"), start, start.plus(Duration.ofDays(365)), "Verify"));
        }
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("id", gen.guid());
        app.put("deletedDateTime", null);
        app.put("appId", sp.get("appId"));
        app.put("createdDateTime", Gen.iso(created));
        app.put("displayName", sp.get("displayName"));
        app.put("keyCredentials", certificates);
        app.put("passwordCredentials", secrets);
        app.put("publisherDomain", gen.tenant.defaultDomain());
        app.put("signInAudience", i == 3 ? "AzureADMultipleOrgs" : "AzureADMyOrg");
        return app;
    }

    /** A client secret as Graph lists it: the hint is its first three characters, never its text. */
    private Map<String, Object> secret(String name, Instant start, Instant end) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("customKeyIdentifier", null);
        secret.put("displayName", name);
        secret.put("endDateTime", Gen.iso(end));
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789~.";
        StringBuilder hint = new StringBuilder();
        for (int n = 0; n < 3; n++) {
            hint.append(alphabet.charAt(gen.random.nextInt(alphabet.length())));
        }
        secret.put("hint", hint.toString());
        secret.put("keyId", gen.guid());
        secret.put("secretText", null);
        secret.put("startDateTime", Gen.iso(start));
        return secret;
    }

    private Map<String, Object> certificate(String subject, Instant start, Instant end, String usage) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("customKeyIdentifier", "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678");
        key.put("displayName", subject);
        key.put("endDateTime", Gen.iso(end));
        key.put("key", null);
        key.put("keyId", gen.guid());
        key.put("startDateTime", Gen.iso(start));
        key.put("type", "AsymmetricX509Cert");
        key.put("usage", usage);
        return key;
    }

    private Map<String, Object> grant(Map<String, Object> sp, Map<String, Object> graph, String permission) {
        String roleId = null;
        for (String[] role : GRAPH_APP_ROLES) {
            if (role[0].equals(permission)) {
                roleId = role[1];
            }
        }
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", gen.guid().replace("-", "").substring(0, 22) + "Ag" + gen.random.nextInt(1_000_000));
        grant.put("deletedDateTime", null);
        grant.put("appRoleId", roleId);
        grant.put("createdDateTime", Gen.iso(gen.daysAgo(600)));
        grant.put("principalDisplayName", sp.get("displayName"));
        grant.put("principalId", sp.get("id"));
        grant.put("principalType", "ServicePrincipal");
        grant.put("resourceDisplayName", "Microsoft Graph");
        grant.put("resourceId", graph.get("id"));
        return grant;
    }
}
