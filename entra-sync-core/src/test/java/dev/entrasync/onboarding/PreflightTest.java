package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.ClientCertificate;
import dev.entrasync.Dataset;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import dev.entrasync.testkit.TestCertificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Preflight against the simulated cloud: each problem reported with its exact fix, at a cost of at most two requests. */
class PreflightTest {

    private final OnboardingFixture sim = new OnboardingFixture();
    private final Preflight preflight = sim.onboarding.preflight();

    @AfterEach
    void close() {
        sim.close();
    }

    private TenantMapping mapping(SimulatedTenant tenant, Set<Dataset> datasets) {
        return new TenantMapping(
                "company-1", TenantId.of(tenant.id()), "msp", tenant.displayName(), null, datasets, false);
    }

    private void secretExpiresIn(Duration left) {
        sim.credentials.save(sim.credential(OnboardingFixture.SECRET, false).toBuilder()
                .secretExpiresAt(sim.time.instant().plus(left))
                .build());
    }

    @Test
    void reportsAllGoodWhenEverythingIsInPlace() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(contoso, EnumSet.allOf(Dataset.class)));

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.tokenIssued()).isTrue();
        assertThat(report.entraIdP1()).isTrue();
        assertThat(report.secretExpiresInDays()).isEqualTo(200L);
        assertThat(report.toString()).contains("all good").contains("expires in 200 days");
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
        // the P1 probe and the Intune probe
        assertThat(sim.cloud.graphCalls())
                .satisfiesExactly(
                        c -> assertThat(c.query()).containsEntry("$select", "id,signInActivity"),
                        c -> assertThat(c.path()).isEqualTo("/v1.0/deviceManagement/managedDevices"));
    }

    @Test
    void reportsATenantWithoutIntuneAsAWarningWithItsFix() {
        SimulatedTenant basic = sim.cloud.addTenant(
                TenantBuilder.create("Basic Co").seed(9).users(1).intune(false).build());
        basic.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(basic, Set.of(Dataset.MANAGED_DEVICES, Dataset.DEVICES)));

        assertThat(report.ok()).isTrue();
        assertThat(report.entraIdP1()).isNull();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.LICENSE_MISSING);
            assertThat(p.severity()).isEqualTo(PreflightProblem.Severity.WARNING);
            assertThat(p.words()).contains("has no Microsoft Intune").contains("managed_devices");
            assertThat(p.fix()).contains("Microsoft Intune").contains("stop syncing managed_devices");
        });
        assertThat(sim.cloud.graphCalls()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(400);
            assertThat(c.query()).containsEntry("$top", "1");
        });
    }

    @Test
    void reportsAMissingIntunePermissionWithoutProbing() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.allRead())
                .revoke(sim.app, Permissions.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL);
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(contoso, Set.of(Dataset.MANAGED_DEVICES)));

        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.MISSING_PERMISSION);
            assertThat(p.permission()).isEqualTo("DeviceManagementManagedDevices.Read.All");
            assertThat(p.words()).contains("needed by managed_devices");
            assertThat(p.fix()).contains("id 2f51be20-0bb4-4fed-bf7b-db946066c75e");
        });
        assertThat(sim.cloud.graphCalls()).isEmpty();
    }

    @Test
    void reportsAMissingAuditLogPermissionWithItsFixAndReConsentLink() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        Set<String> allButAudit = new java.util.HashSet<>(Permissions.ALL_READ);
        allButAudit.remove(Permissions.AUDIT_LOG_READ_ALL);
        contoso.consent(sim.app, allButAudit.toArray(String[]::new));
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(contoso, EnumSet.of(Dataset.USERS, Dataset.AUDIT_LOGS)));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.MISSING_PERMISSION);
            assertThat(p.severity()).isEqualTo(PreflightProblem.Severity.ERROR);
            assertThat(p.permission()).isEqualTo("AuditLog.Read.All");
            assertThat(p.words())
                    .contains("lacks the application permission AuditLog.Read.All")
                    .contains("needed by audit_logs, users");
            assertThat(p.fix())
                    .contains("Add AuditLog.Read.All (Microsoft Graph, Application permission, id "
                            + "b0afded3-3588-46d8-8b3d-9842eff778da)")
                    .contains("grant admin consent again");
            assertThat(p.reConsentUrl().uri().toString())
                    .startsWith(sim.cloud.loginUrl() + "/" + contoso.id() + "/oauth2/v2.0/authorize?");
        });
        assertThat(report.entraIdP1()).isNull();
        assertThat(sim.cloud.graphCalls()).isEmpty();
    }

    @Test
    void reportsATenantWithoutP1AsAWarningThatStillSyncs() {
        SimulatedTenant basic = sim.cloud.addTenant(
                TenantBuilder.create("Basic Co").seed(9).users(1).premium(false).build());
        basic.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(basic, Set.of(Dataset.USERS)));

        assertThat(report.ok()).isTrue();
        assertThat(report.entraIdP1()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.LICENSE_MISSING);
            assertThat(p.severity()).isEqualTo(PreflightProblem.Severity.WARNING);
            assertThat(p.words())
                    .contains("has no Microsoft Entra ID P1")
                    .contains("users' MFA registration will be reported as unknown")
                    .doesNotContain("Conditional Access");
            assertThat(p.fix()).startsWith("Assign Microsoft Entra ID P1");
        });
        assertThat(sim.cloud.graphCalls())
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(403));
    }

    @Test
    void aTenantWithoutP1IsToldWhatSignInActivityAndConditionalAccessWillShow() {
        SimulatedTenant basic = sim.cloud.addTenant(
                TenantBuilder.create("Basic Co").seed(9).users(1).premium(false).build());
        basic.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report =
                preflight.check(mapping(basic, Set.of(Dataset.SIGN_IN_ACTIVITY, Dataset.CONDITIONAL_ACCESS)));

        assertThat(report.ok()).isTrue();
        assertThat(report.entraIdP1()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.LICENSE_MISSING);
            assertThat(p.words())
                    .contains("sign-in activity will be reported as unknown (never as \"never signed in\")")
                    .contains("it has no Conditional Access (only security defaults are read)")
                    .doesNotContain("MFA");
        });
    }

    @Test
    void reportsAMissingPolicyReadAllForConditionalAccess() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        Set<String> allButPolicy = new java.util.HashSet<>(Permissions.ALL_READ);
        allButPolicy.remove(Permissions.POLICY_READ_ALL);
        contoso.consent(sim.app, allButPolicy.toArray(String[]::new));
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report =
                preflight.check(mapping(contoso, EnumSet.of(Dataset.USERS, Dataset.CONDITIONAL_ACCESS)));

        assertThat(report.ok()).isFalse();
        assertThat(report.entraIdP1()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.MISSING_PERMISSION);
            assertThat(p.permission()).isEqualTo("Policy.Read.All");
            assertThat(p.words()).contains("needed by conditional_access");
            assertThat(p.fix()).contains("id 246dd0d5-5bd0-4def-940b-0421030a5b68");
        });
    }

    @Test
    void reportsAnExpiredSecretOnceWithTheRenewalFix() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(1));
        sim.time.advance(Duration.ofDays(2));
        sim.app.expireSecret(OnboardingFixture.SECRET);

        PreflightReport report = preflight.check(mapping(contoso, Set.of(Dataset.DEVICES)));

        assertThat(report.ok()).isFalse();
        assertThat(report.tokenIssued()).isFalse();
        assertThat(report.secretExpiresInDays()).isNegative();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.SECRET_EXPIRED);
            assertThat(p.words()).contains("expired on");
            assertThat(p.fix()).contains("Create a new client secret").contains("SecretLifecycle.rotate(\"msp\"");
        });
        assertThat(report.toString()).doesNotContain(OnboardingFixture.SECRET).contains("client secret expired");
    }

    @Test
    void warnsOfASecretFiveDaysFromExpiry() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.allRead());
        secretExpiresIn(Duration.ofDays(5).plusHours(3));

        PreflightReport report = preflight.check(mapping(contoso, Set.of(Dataset.DEVICES)));

        assertThat(report.ok()).isTrue();
        assertThat(report.secretExpiresInDays()).isEqualTo(5L);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.SECRET_EXPIRING);
            assertThat(p.severity()).isEqualTo(PreflightProblem.Severity.WARNING);
            assertThat(p.words()).contains("expires in 5 days");
            assertThat(p.fix()).contains("Create a new client secret");
        });
    }

    @Test
    void warnsOfACertificateFiveDaysFromItsNotAfterAndSignsInWithIt() {
        // MSAL4J stamps its assertion with the system clock; run the fake time (and the cloud) from now
        sim.time.set(java.time.Instant.now());
        sim.cloud.acceptAssertionAudienceHost("login.custom.entrasync.invalid");
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.allRead());
        TestCertificate certificate = TestCertificate.selfSigned(
                "msp",
                sim.time.instant().minus(Duration.ofDays(360)),
                sim.time.instant().plus(Duration.ofDays(5).plusHours(3)));
        sim.app.addCertificate(certificate.certificate());
        ClientCertificate loaded = ClientCertificate.fromPem(certificate.pem());
        sim.credentials.save(sim.credential(OnboardingFixture.SECRET, false).toBuilder()
                .certificate(loaded)
                .build());

        PreflightReport report = preflight.check(mapping(contoso, Set.of(Dataset.DEVICES)));

        assertThat(report.tokenIssued()).isTrue();
        assertThat(report.secretExpiresInDays()).isEqualTo(5L);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PreflightProblem.Kind.SECRET_EXPIRING);
            assertThat(p.words())
                    .contains("The certificate (thumbprint " + loaded.thumbprint() + ") of credential 'msp' expires in"
                            + " 5 days");
            assertThat(p.fix()).contains("Create a new certificate").doesNotContain("client secret");
        });
        assertThat(report.toString()).contains("certificate expires in 5 days");
        assertThat(sim.cloud.tokenCalls()).hasSize(1);
    }

    @Test
    void reportsATenantWithoutConsentAsATokenFailureWithItsConsentLink() {
        SimulatedTenant stranger = sim.tenant("Stranger");

        PreflightReport report = preflight.check("msp", TenantId.of(stranger.id()), Set.of(Dataset.GROUPS));

        assertThat(report.problems(PreflightProblem.Kind.TOKEN_REFUSED))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.words()).contains("AADSTS700016").doesNotContain("Fix:");
                    assertThat(p.fix()).startsWith("Ask a Global Administrator");
                    assertThat(p.toString()).containsOnlyOnce("Fix:");
                    assertThat(p.reConsentUrl()).isNotNull();
                });
        assertThat(report.problems(PreflightProblem.Kind.SECRET_EXPIRY_UNKNOWN)).hasSize(1);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void acceptsDirectoryReadAllForTheDirectoryPermissionsItCovers() {
        SimulatedTenant contoso = sim.tenant("Contoso");
        contoso.consent(sim.app, Permissions.DIRECTORY_READ_ALL);
        secretExpiresIn(Duration.ofDays(200));

        PreflightReport report = preflight.check(mapping(
                contoso,
                EnumSet.of(Dataset.DEVICES, Dataset.GROUPS, Dataset.LICENSES, Dataset.ROLES, Dataset.SECURE_SCORES)));

        assertThat(report.problems())
                .extracting(PreflightProblem::permission)
                .containsExactly("SecurityEvents.Read.All");
    }

    @Test
    void aMissingCredentialIsAProblemNotAnException() {
        PreflightReport report = preflight.check("nobody", TenantId.of(sim.home.id()), Set.of(Dataset.USERS));

        assertThat(report.problems())
                .extracting(PreflightProblem::kind)
                .containsExactly(PreflightProblem.Kind.CREDENTIAL_NOT_FOUND);
        assertThat(sim.cloud.calls()).isEmpty();
    }
}
