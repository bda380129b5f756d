package dev.entrasync.testkit.internal;

import java.util.List;

/**
 * The Graph v1.0 route table: every endpoint the simulator serves, its permission and its paging.
 *
 * <p>Page sizes ({@code $top} default / max): users, groups, devices, group members and role
 * assignments 100 / 999 (users 500 when {@code signInActivity} is selected); directory audits
 * 100 / 1000; registration details 100 / 999; secure scores 100 / 999 with {@code $skip}, where
 * {@code $top} is the number of days wanted (no nextLink follows a page asked with it);
 * control profiles 100 / 999; Conditional Access policies 100 / 999 (403
 * {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant} without Entra ID P1); subscribedSkus, directoryRoles
 * and role members are one page; the security-defaults policy is a singleton.
 * Delta pages are sized by the cloud ({@code SimulatedCloud.deltaPageSize}); {@code $top} is not
 * accepted there, as in Graph.
 */
final class GraphRoutes {
    /** Properties {@code GET /users} returns without {@code $select}. */
    static final List<String> USER_DEFAULTS = List.of(
            "businessPhones",
            "displayName",
            "givenName",
            "jobTitle",
            "mail",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "surname",
            "userPrincipalName",
            "id");

    private GraphRoutes() {}

    static GraphRouter create(GraphPipeline pipeline) {
        CloudState cloud = pipeline.cloud();
        GraphRouter router = new GraphRouter();
        router.add("POST", "/$batch", new BatchEndpoint(pipeline));
        router.add(
                "GET",
                "/users/delta",
                new DeltaEndpoint(cloud, "users", "user", GraphPermissions.USERS, USER_DEFAULTS));
        router.add("GET", "/groups/delta", new DeltaEndpoint(cloud, "groups", "group", GraphPermissions.GROUPS, null));
        router.add(
                "GET", "/devices/delta", new DeltaEndpoint(cloud, "devices", "device", GraphPermissions.DEVICES, null));
        router.add(
                "GET",
                "/users",
                new UsersEndpoint(ListSpec.of(
                        "users", "user", "users", GraphPermissions.USERS, 100, 999, USER_DEFAULTS, true, false, 2)));
        router.add("POST", "/users/{}/sendMail", new SendMailEndpoint());
        router.add("GET", "/users/{}/authentication/methods", new AuthenticationMethodsEndpoint());
        router.add(
                "GET",
                "/devices",
                new ListEndpoint(ListSpec.of(
                        "devices", "device", "devices", GraphPermissions.DEVICES, 100, 999, null, true, false, 1)));
        router.add(
                "GET",
                "/groups",
                new ListEndpoint(ListSpec.of(
                        "groups", "group", "groups", GraphPermissions.GROUPS, 100, 999, null, true, false, 1)));
        router.add("GET", "/groups/{}/members", new MembersEndpoint(false));
        router.add("GET", "/groups/{}/members/$count", new MemberCountEndpoint());
        router.add(
                "GET",
                "/organization",
                new ListEndpoint(ListSpec.of(
                        "organization",
                        "organization",
                        "organization",
                        GraphPermissions.ORGANIZATION,
                        100,
                        999,
                        null,
                        false,
                        false,
                        1)));
        router.add(
                "GET",
                "/subscribedSkus",
                new ListEndpoint(ListSpec.of(
                                "subscribedSkus",
                                "subscribedSku",
                                "subscribedSkus",
                                GraphPermissions.LICENSES,
                                999,
                                999,
                                null,
                                false,
                                false,
                                3)
                        .withView(Views::consumedUnits)));
        router.add(
                "GET",
                "/directoryRoles",
                new ListEndpoint(ListSpec.of(
                        "directoryRoles",
                        "directoryRole",
                        "directoryRoles",
                        GraphPermissions.ROLES,
                        999,
                        999,
                        null,
                        false,
                        false,
                        1)));
        router.add("GET", "/directoryRoles/{}/members", new MembersEndpoint(true));
        router.add("GET", "/roleManagement/directory/roleAssignments", new RoleAssignmentsEndpoint());
        router.add(
                "GET",
                "/reports/authenticationMethods/userRegistrationDetails",
                new RequirePremium(
                        GraphPermissions.REGISTRATION_DETAILS,
                        new ListEndpoint(ListSpec.of(
                                        "reports/authenticationMethods/userRegistrationDetails",
                                        "userRegistrationDetails",
                                        "userRegistrationDetails",
                                        GraphPermissions.REGISTRATION_DETAILS,
                                        100,
                                        999,
                                        null,
                                        true,
                                        false,
                                        1)
                                .withView(Views::isAdmin))));
        router.add(
                "GET",
                "/auditLogs/directoryAudits",
                new OrderByCheck(
                        "activityDateTime desc",
                        new ListEndpoint(ListSpec.of(
                                        "auditLogs/directoryAudits",
                                        "directoryAudit",
                                        "directoryAudits",
                                        GraphPermissions.AUDIT_LOGS,
                                        100,
                                        1000,
                                        null,
                                        true,
                                        false,
                                        1)
                                .withScope(Views::auditRetention))));
        router.add(
                "GET",
                "/security/secureScores",
                new ListEndpoint(ListSpec.of(
                                "security/secureScores",
                                "secureScore",
                                "secureScores",
                                GraphPermissions.SECURE_SCORES,
                                100,
                                999,
                                null,
                                true,
                                true,
                                1)
                        .withTopLimiting()));
        router.add(
                "GET",
                "/security/secureScoreControlProfiles",
                new ListEndpoint(ListSpec.of(
                        "security/secureScoreControlProfiles",
                        "secureScoreControlProfile",
                        "secureScoreControlProfiles",
                        GraphPermissions.SECURE_SCORES,
                        100,
                        999,
                        null,
                        true,
                        false,
                        1)));
        // Conditional Access needs Entra ID P1. Microsoft's list-policies page documents no licence error, so the
        // simulator answers a tenant without P1 as Graph answers its other P1-gated Entra data (see RequirePremium).
        router.add(
                "GET",
                "/identity/conditionalAccess/policies",
                new RequirePremium(
                        GraphPermissions.CONDITIONAL_ACCESS,
                        new ListEndpoint(ListSpec.of(
                                "identity/conditionalAccess/policies",
                                "conditionalAccessPolicy",
                                "conditionalAccessPolicies",
                                GraphPermissions.CONDITIONAL_ACCESS,
                                100,
                                999,
                                null,
                                true,
                                true,
                                1))));
        router.add(
                "GET",
                "/policies/identitySecurityDefaultsEnforcementPolicy",
                new SingletonEndpoint(
                        "policies/identitySecurityDefaultsEnforcementPolicy",
                        "identitySecurityDefaultsEnforcementPolicy",
                        "identitySecurityDefaultsEnforcementPolicy",
                        GraphPermissions.SECURITY_DEFAULTS));
        router.add(
                "GET",
                "/tenantRelationships/delegatedAdminCustomers",
                new GdapEndpoint(new ListEndpoint(ListSpec.of(
                        "tenantRelationships/delegatedAdminCustomers",
                        "delegatedAdminCustomer",
                        "delegatedAdminCustomers",
                        GraphPermissions.GDAP,
                        100,
                        300,
                        null,
                        true,
                        false,
                        1))));
        router.add(
                "GET",
                "/contracts",
                new ListEndpoint(ListSpec.of(
                        "contracts",
                        "contract",
                        "contracts",
                        GraphPermissions.CONTRACTS,
                        100,
                        999,
                        null,
                        true,
                        false,
                        3)));
        router.add(
                "GET",
                "/applications",
                new ListEndpoint(ListSpec.of(
                        "applications",
                        "application",
                        "applications",
                        GraphPermissions.APPLICATIONS,
                        100,
                        999,
                        null,
                        true,
                        false,
                        2)));
        router.add(
                "GET",
                "/servicePrincipals",
                new ListEndpoint(ListSpec.of(
                        "servicePrincipals",
                        "servicePrincipal",
                        "servicePrincipals",
                        GraphPermissions.APPLICATIONS,
                        100,
                        999,
                        null,
                        true,
                        false,
                        1)));
        router.add(
                "GET",
                "/servicePrincipals/{}/appRoleAssignedTo",
                new ListEndpoint(ListSpec.of(
                                "servicePrincipals('{}')/appRoleAssignedTo",
                                "appRoleAssignment",
                                "appRoleAssignments",
                                GraphPermissions.APPLICATIONS,
                                100,
                                999,
                                null,
                                true,
                                false,
                                2)
                        .withScope(ctx -> e -> ctx.pathParam(0).equals(e.get("resourceId")))));
        // Intune: pages of 1,000 (its own page size); the list leaves ethernetMacAddress null, as Graph does
        router.add(
                "GET",
                "/deviceManagement/managedDevices",
                new RequireIntune(
                        GraphPermissions.MANAGED_DEVICES,
                        new ListEndpoint(ListSpec.of(
                                        "deviceManagement/managedDevices",
                                        "managedDevice",
                                        "managedDevices",
                                        GraphPermissions.MANAGED_DEVICES,
                                        1000,
                                        1000,
                                        null,
                                        true,
                                        false,
                                        1)
                                .withView(Views::listedManagedDevice))));
        router.add(
                "GET",
                "/deviceManagement/managedDevices/{}",
                new RequireIntune(GraphPermissions.MANAGED_DEVICES, new ManagedDeviceEndpoint()));
        return router;
    }
}
