package dev.entrasync.jdbc;

import dev.entrasync.model.AuditTarget;
import dev.entrasync.model.ComparativeScore;
import dev.entrasync.model.ConditionalAccessGrant;
import dev.entrasync.model.ConditionalAccessSession;
import dev.entrasync.model.ControlScore;
import dev.entrasync.model.EntraAuditEvent;
import dev.entrasync.model.EntraConditionalAccessPolicy;
import dev.entrasync.model.EntraDevice;
import dev.entrasync.model.EntraGroup;
import dev.entrasync.model.EntraLicense;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import dev.entrasync.model.EntraSecureScore;
import dev.entrasync.model.EntraSecureScoreControl;
import dev.entrasync.model.EntraSecurityDefaults;
import dev.entrasync.model.EntraSignInActivity;
import dev.entrasync.model.EntraTenantProfile;
import dev.entrasync.model.ModifiedProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Deterministic records of every dataset but users (see {@link TestUsers}), with nulls and lists exercised. */
final class TestRecords {

    private TestRecords() {}

    static EntraDevice device(int n) {
        return new EntraDevice(
                TestUsers.id(1000 + n),
                n % 2 == 0 ? "d-" + n : null,
                "LAPTOP-" + n,
                n % 3 == 0 ? "iOS" : "Windows",
                "10.0.22631." + n,
                n % 2 == 0 ? "AzureAd" : "Workplace",
                n % 2 == 0 ? Boolean.TRUE : null,
                n % 4 == 0,
                Instant.parse("2026-02-01T08:00:00Z").plusSeconds(n),
                n % 5 == 0 ? Boolean.FALSE : null,
                Instant.parse("2023-05-06T07:08:09.123456Z"));
    }

    static dev.entrasync.model.EntraApplication application(int n) {
        boolean sp = n % 2 == 1;
        List<dev.entrasync.model.ApplicationCredential> credentials = new java.util.ArrayList<>();
        for (int i = 0; i < n % 3; i++) {
            credentials.add(new dev.entrasync.model.ApplicationCredential(
                    TestUsers.id(5000 + n * 10 + i),
                    i == 0
                            ? dev.entrasync.model.ApplicationCredential.Kind.SECRET
                            : dev.entrasync.model.ApplicationCredential.Kind.CERTIFICATE,
                    i == 0 ? "Secret ñ " + n : null,
                    Instant.parse("2025-01-01T00:00:00Z").plusSeconds(n),
                    i == 0 ? Instant.parse("2026-03-20T00:00:00Z").plusSeconds(86_400L * n) : null,
                    i == 0 ? null : "AsymmetricX509Cert",
                    i == 0 ? null : "Verify"));
        }
        return new dev.entrasync.model.EntraApplication(
                TestUsers.id(4000 + n),
                sp
                        ? dev.entrasync.model.EntraApplication.Kind.SERVICE_PRINCIPAL
                        : dev.entrasync.model.EntraApplication.Kind.APPLICATION,
                TestUsers.id(4500 + n),
                "App " + n,
                sp ? null : Instant.parse("2024-02-03T04:05:06Z").plusSeconds(n),
                n % 4 == 0 ? null : "AzureADMyOrg",
                sp ? "Application" : null,
                sp ? Boolean.TRUE : null,
                sp ? TestUsers.TENANT_A : null,
                credentials,
                sp ? List.of("User.Read.All", "Mail.Send") : List.of());
    }

    static dev.entrasync.model.EntraManagedDevice managedDevice(
            int n, String serial, String wifi, String ethernet, String entraDeviceId) {
        return new dev.entrasync.model.EntraManagedDevice(
                TestUsers.id(6000 + n),
                "DESKTOP-" + n,
                n % 3 == 0 ? "iOS" : "Windows",
                "10.0.22631." + n,
                n % 2 == 0 ? "compliant" : "noncompliant",
                "mdm",
                Instant.parse("2025-06-01T10:00:00Z").plusSeconds(n),
                n % 5 == 0 ? null : Instant.parse("2026-03-09T10:00:00Z").plusSeconds(n),
                serial,
                "Dell Inc.",
                "Latitude 5440",
                wifi,
                ethernet,
                n % 2 == 0 ? Boolean.TRUE : null,
                "user" + n + "@contoso.onmicrosoft.com",
                entraDeviceId);
    }

    static EntraGroup group(int n) {
        return new EntraGroup(
                TestUsers.id(2000 + n),
                "Team " + n,
                n % 2 == 0 ? "team" + n + "@contoso.com" : null,
                n % 2 == 0 ? List.of("Unified") : List.of(),
                n % 2 == 0,
                "team" + n,
                n % 2 == 0
                        ? List.of("SMTP:team" + n + "@contoso.com", "smtp:t" + n + "@contoso.onmicrosoft.com")
                        : List.of(),
                n % 2 == 0 ? List.of("WelcomeEmailDisabled") : List.of(),
                n % 2 != 0,
                "S-1-12-1-" + n,
                n * 3);
    }

    static EntraLicense license(String skuId, String part, String name, int enabled, int consumed) {
        return new EntraLicense(skuId, part, name, "Enabled", enabled, consumed, 1, 0, 0);
    }

    static EntraRole role(int n) {
        return new EntraRole(
                TestUsers.id(3000 + n),
                "Role " + n,
                "Can do things \"quoted\" & more",
                "62e90394-69f5-4237-9190-01217737" + String.format("%04d", n),
                List.of(
                        new EntraRoleMember(TestUsers.id(1), "user", "user1@contoso.onmicrosoft.com", "User 1"),
                        new EntraRoleMember(TestUsers.id(9999), "servicePrincipal", null, "Backup app")));
    }

    static EntraAuditEvent audit(int n) {
        return new EntraAuditEvent(
                "Directory_" + n + "_XYZ",
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(n * 60L),
                "Add member to role",
                "RoleManagement",
                "Add",
                n % 2 == 0 ? "success" : "failure",
                n % 2 == 0 ? null : "Insufficient privileges",
                "Core Directory",
                "corr-" + n,
                n % 2 == 0 ? TestUsers.id(1) : null,
                n % 2 == 0 ? "user1@contoso.onmicrosoft.com" : null,
                n % 2 == 0 ? null : "00000003-0000-0000-c000-000000000000",
                n % 2 == 0 ? null : "Graph",
                n % 2 == 0 ? "203.0.113." + n : null,
                List.of(
                        new AuditTarget(
                                TestUsers.id(2),
                                "User",
                                "User 2",
                                "user2@contoso.onmicrosoft.com",
                                List.of(
                                        new ModifiedProperty(
                                                "Role.ObjectID", null, "\"" + TestUsers.id(9000 + n) + "\""),
                                        new ModifiedProperty(
                                                "Role.DisplayName", null, "\"Global <b>Administrator</b> \\u00e9 ñ\""),
                                        new ModifiedProperty(
                                                "Role.TemplateId", null, "\"62e90394-69f5-4237-9190-012177145e10\""),
                                        new ModifiedProperty("Role.WellKnownObjectName", "\"old\"", null))),
                        new AuditTarget(TestUsers.id(9000 + n), "Role", null, null)));
    }

    static EntraSecureScore score(String tenant, LocalDate day, Double current) {
        return new EntraSecureScore(
                tenant + "_" + day,
                day.atStartOfDay().toInstant(ZoneOffset.UTC),
                current,
                80.0,
                42,
                40,
                List.of(new ComparativeScore("AllTenants", 35.5)),
                List.of(
                        new ControlScore("AdminMFAV2", "Identity", 10.0),
                        new ControlScore("BlockLegacyAuth", null, null)));
    }

    static EntraSecureScoreControl control(String id) {
        return new EntraSecureScoreControl(
                id,
                "Ensure MFA for admins",
                "Identity",
                10.0,
                1,
                "<p>Turn it on</p>",
                "https://security.microsoft.com/securescore?id=" + id);
    }

    static EntraTenantProfile profile(String tenant) {
        return new EntraTenantProfile(
                tenant,
                "Contoso",
                "contoso.com",
                "contoso.onmicrosoft.com",
                List.of("contoso.com", "contoso.onmicrosoft.com"));
    }

    /** A user's sign-in times; every third has none (never signed in), every other no successful one yet. */
    static EntraSignInActivity signIn(int n) {
        Instant base = Instant.parse("2026-11-01T08:00:00.5Z").plusSeconds(3600L * n);
        boolean never = n % 3 == 0;
        return new EntraSignInActivity(
                TestUsers.id(n),
                "user" + n + "@contoso.onmicrosoft.com",
                never ? null : base,
                never ? null : base.plusSeconds(60),
                never || n % 2 == 0 ? null : base);
    }

    /** A policy; even ones enforced MFA for all users, odd ones report-only with device controls and session ones. */
    static EntraConditionalAccessPolicy policy(int n) {
        boolean even = n % 2 == 0;
        return new EntraConditionalAccessPolicy(
                TestUsers.id(2000 + n),
                "Policy ñ " + n,
                even ? EntraConditionalAccessPolicy.ENABLED : EntraConditionalAccessPolicy.REPORT_ONLY,
                Instant.parse("2025-01-02T03:04:05Z").plusSeconds(n),
                even ? null : Instant.parse("2026-01-02T03:04:05.123Z"),
                List.of("All"),
                List.of(TestUsers.id(1)),
                even ? List.of() : List.of(TestUsers.id(3000), TestUsers.id(3001)),
                List.of(TestUsers.id(3002)),
                even ? List.of() : List.of("62e90394-69f5-4237-9190-012177145e10"),
                List.of(),
                List.of("All"),
                even ? List.of() : List.of("00000002-0000-0ff1-ce00-000000000000"),
                List.of(),
                even ? List.of("all") : List.of("browser", "mobileAppsAndDesktopClients"),
                even
                        ? new ConditionalAccessGrant("OR", List.of("mfa"), null, null)
                        : new ConditionalAccessGrant(
                                "AND",
                                List.of("compliantDevice"),
                                "00000000-0000-0000-0000-000000000004",
                                "Phishing-resistant MFA"),
                even
                        ? ConditionalAccessSession.NONE
                        : new ConditionalAccessSession(8, "hours", "timeBased", "never", "monitorOnly", true, false));
    }

    static EntraSecurityDefaults securityDefaults(Boolean enabled) {
        return new EntraSecurityDefaults("00000000-0000-0000-0000-000000000005", "Security Defaults", enabled);
    }
}
