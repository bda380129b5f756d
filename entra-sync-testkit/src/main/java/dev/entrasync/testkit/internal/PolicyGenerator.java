package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a tenant's Conditional Access policies and its security-defaults policy, shaped as Graph v1.0
 * {@code conditionalAccessPolicy} and {@code identitySecurityDefaultsEnforcementPolicy}
 * (https://learn.microsoft.com/graph/api/resources/conditionalaccesspolicy). A tenant with Entra ID P1 gets the
 * policies an MSP typically deploys, one of them report-only, and security defaults off (Entra refuses Conditional
 * Access policies while security defaults are on); a tenant without P1 gets no policies and security defaults on or
 * off at random.
 */
final class PolicyGenerator {

    /** The security-defaults policy's id, the same in every tenant. */
    static final String SECURITY_DEFAULTS_ID = "00000000-0000-0000-0000-000000000005";

    /** Built-in role template ids (the same in every tenant). */
    private static final List<String> ADMIN_ROLES = List.of(
            "62e90394-69f5-4237-9190-012177145e10", // Global Administrator
            "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
            "194ae4cb-b126-40b2-bd5b-6091b380977d", // Security Administrator
            "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", // SharePoint Administrator
            "29232cdf-9323-42fd-ade2-1d097af3e4de"); // Exchange Administrator

    private final Gen gen;

    PolicyGenerator(Gen gen) {
        this.gen = gen;
    }

    /**
     * The tenant's Conditional Access policies: none without P1.
     *
     * @param breakGlassId a user every policy leaves out (an emergency-access account), or null
     * @param excludedGroupId a group the all-users MFA policy leaves out, or null
     */
    List<Map<String, Object>> policies(String breakGlassId, String excludedGroupId) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!gen.spec.premium()) {
            return out;
        }
        List<String> breakGlass = breakGlassId == null ? List.of() : List.of(breakGlassId);
        out.add(policy(
                "Require MFA for administrators",
                "enabled",
                users(List.of(), breakGlass, List.of(), List.of(), ADMIN_ROLES),
                apps(List.of("All")),
                List.of("all"),
                grant("OR", List.of("mfa"), null),
                null));
        boolean allUsersEnforced = gen.chance(0.7);
        out.add(policy(
                "Require MFA for all users",
                allUsersEnforced ? "enabled" : "enabledForReportingButNotEnforced",
                users(
                        List.of("All"),
                        breakGlass,
                        List.of(),
                        excludedGroupId == null ? List.of() : List.of(excludedGroupId),
                        List.of()),
                apps(List.of("All")),
                List.of("all"),
                grant("OR", List.of("mfa"), null),
                null));
        out.add(policy(
                "Block legacy authentication",
                "enabled",
                users(List.of("All"), breakGlass, List.of(), List.of(), List.of()),
                apps(List.of("All")),
                List.of("exchangeActiveSync", "other"),
                grant("OR", List.of("block"), null),
                null));
        out.add(policy(
                "Require compliant or hybrid joined device",
                "enabledForReportingButNotEnforced",
                users(List.of("All"), breakGlass, List.of(), List.of(), List.of()),
                apps(List.of("Office365")),
                List.of("browser", "mobileAppsAndDesktopClients"),
                grant("OR", List.of("compliantDevice", "domainJoinedDevice"), null),
                null));
        out.add(policy(
                "Phishing-resistant MFA for Global Administrators",
                "enabled",
                users(List.of(), breakGlass, List.of(), List.of(), List.of(ADMIN_ROLES.get(0))),
                apps(List.of("All")),
                List.of("all"),
                grant(
                        "OR",
                        List.of(),
                        Map.of(
                                "id",
                                "00000000-0000-0000-0000-000000000004",
                                "displayName",
                                "Phishing-resistant MFA",
                                "policyType",
                                "builtIn",
                                "requirementsSatisfied",
                                "mfa",
                                "allowedCombinations",
                                List.of("windowsHelloForBusiness", "fido2", "x509CertificateMultiFactor"))),
                null));
        Map<String, Object> frequency = new LinkedHashMap<>();
        frequency.put("isEnabled", true);
        frequency.put("type", "hours");
        frequency.put("value", 8);
        frequency.put("authenticationType", "primaryAndSecondaryAuthentication");
        frequency.put("frequencyInterval", "timeBased");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("applicationEnforcedRestrictions", null);
        session.put("cloudAppSecurity", null);
        session.put("persistentBrowser", Map.of("isEnabled", true, "mode", "never"));
        session.put("signInFrequency", frequency);
        session.put("disableResilienceDefaults", false);
        out.add(policy(
                "Sign-in frequency on unmanaged devices",
                gen.chance(0.5) ? "enabled" : "disabled",
                users(List.of("All"), breakGlass, List.of(), List.of(), List.of()),
                apps(List.of("All")),
                List.of("browser"),
                null,
                session));
        return out;
    }

    /** The security-defaults policy: off with P1 (Conditional Access in use), on for most tenants without. */
    Map<String, Object> securityDefaults() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("id", SECURITY_DEFAULTS_ID);
        policy.put("displayName", "Security Defaults");
        policy.put(
                "description",
                "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When"
                        + " enabled, these recommendations will be automatically enforced in your organization.");
        policy.put("isEnabled", !gen.spec.premium() && gen.chance(0.7));
        return policy;
    }

    private Map<String, Object> policy(
            String name,
            String state,
            Map<String, Object> users,
            Map<String, Object> applications,
            List<String> clientAppTypes,
            Map<String, Object> grant,
            Map<String, Object> session) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("userRiskLevels", List.of());
        conditions.put("signInRiskLevels", List.of());
        conditions.put("clientAppTypes", clientAppTypes);
        conditions.put("platforms", null);
        conditions.put("locations", null);
        conditions.put("devices", null);
        conditions.put("clientApplications", null);
        conditions.put("applications", applications);
        conditions.put("users", users);
        Map<String, Object> policy = new LinkedHashMap<>();
        String created = Gen.iso(gen.daysAgo(700));
        policy.put("id", gen.guid());
        policy.put("templateId", null);
        policy.put("displayName", name);
        policy.put("createdDateTime", created);
        policy.put("modifiedDateTime", gen.chance(0.5) ? Gen.iso(gen.daysAgo(60)) : null);
        policy.put("state", state);
        policy.put("sessionControls", session);
        policy.put("conditions", conditions);
        policy.put("grantControls", grant);
        return policy;
    }

    private static Map<String, Object> users(
            List<String> includeUsers,
            List<String> excludeUsers,
            List<String> includeGroups,
            List<String> excludeGroups,
            List<String> includeRoles) {
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("includeUsers", includeUsers.isEmpty() && includeRoles.isEmpty() ? List.of("None") : includeUsers);
        users.put("excludeUsers", excludeUsers);
        users.put("includeGroups", includeGroups);
        users.put("excludeGroups", excludeGroups);
        users.put("includeRoles", includeRoles);
        users.put("excludeRoles", List.of());
        users.put("includeGuestsOrExternalUsers", null);
        users.put("excludeGuestsOrExternalUsers", null);
        return users;
    }

    private static Map<String, Object> apps(List<String> include) {
        Map<String, Object> apps = new LinkedHashMap<>();
        apps.put("includeApplications", include);
        apps.put("excludeApplications", List.of());
        apps.put("includeUserActions", List.of());
        apps.put("includeAuthenticationContextClassReferences", List.of());
        apps.put("applicationFilter", null);
        return apps;
    }

    private static Map<String, Object> grant(String operator, List<String> controls, Map<String, Object> strength) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("operator", operator);
        grant.put("builtInControls", controls);
        grant.put("customAuthenticationFactors", List.of());
        grant.put("termsOfUse", List.of());
        grant.put("authenticationStrength", strength);
        return grant;
    }
}
