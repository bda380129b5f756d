package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.ClientCertificate;
import dev.entrasync.CredentialStore;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetRequirements;
import dev.entrasync.GraphException;
import dev.entrasync.GraphPermission;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.internal.auth.AccessToken;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.RequestStats;
import dev.entrasync.internal.onboarding.LicenseProbe;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cheap check of one mapping, safe to run any time: can we get a token (or which AADSTS failure,
 * with its fix); do the token's application permissions cover what the enabled datasets need; does
 * the tenant have Entra ID P1 where a dataset needs it, and Microsoft Intune when managed devices are synced; how
 * long until the client secret expires. Costs at most one token request (none when cached) and two Graph requests
 * (the P1 probe, only when users are synced and AuditLog.Read.All is granted; the Intune probe, only when managed
 * devices are synced and DeviceManagementManagedDevices.Read.All is granted). Changes nothing.
 *
 * <p>Obtained from {@link Onboarding#preflight()}. Thread-safe.
 */
public final class Preflight {

    static final int SECRET_WARNING_DAYS = 30;

    private final CredentialStore credentials;
    private final ConsentFlow consentFlow;
    private final GraphTransport transport;
    private final Clock clock;
    private final boolean mailEnabled;

    Preflight(
            CredentialStore credentials,
            ConsentFlow consentFlow,
            GraphTransport transport,
            Clock clock,
            boolean mailEnabled) {
        this.credentials = credentials;
        this.consentFlow = consentFlow;
        this.transport = transport;
        this.clock = clock;
        this.mailEnabled = mailEnabled;
    }

    /**
     * Checks a mapping's credential, tenant and datasets.
     *
     * @param mapping the mapping to check; never null
     * @return the report of what the check found; never null
     */
    public PreflightReport check(TenantMapping mapping) {
        return check(mapping.credentialName(), mapping.tenant(), mapping.datasets());
    }

    /**
     * Checks a credential against a tenant for these datasets. Never throws for what it finds.
     *
     * @param credentialName the name of the credential to check; never null
     * @param tenant the tenant to check the credential against; never null
     * @param datasets the datasets to be synced; never null, may be empty
     * @return the report, listing every problem found (an unknown credential or a refused token included); never null
     */
    public PreflightReport check(String credentialName, TenantId tenant, Set<Dataset> datasets) {
        Instant now = clock.instant();
        List<String> required = PermissionManifest.of(datasets, false, mailEnabled).permissions().stream()
                .map(GraphPermission::value)
                .toList();
        Optional<AppCredential> found = credentials.find(credentialName);
        if (found.isEmpty()) {
            return new PreflightReport(
                    credentialName,
                    tenant,
                    now,
                    false,
                    Set.of(),
                    required,
                    null,
                    null,
                    List.of(new PreflightProblem(
                            PreflightProblem.Kind.CREDENTIAL_NOT_FOUND,
                            PreflightProblem.Severity.ERROR,
                            "No credential named '" + credentialName + "' is in the credential store.",
                            "Save the credential again, or map the tenant with an existing credential.",
                            null,
                            null)),
                    null);
        }
        AppCredential credential = found.get();
        List<PreflightProblem> problems = new ArrayList<>();
        Long days = credential.daysUntilCredentialExpires(clock).orElse(null);
        boolean expired =
                credential.credentialExpiry().map(at -> !now.isBefore(at)).orElse(false);
        secretProblems(credential, days, expired, problems);

        AccessToken token;
        try {
            token = transport.tokens().token(credential, tenant.value());
        } catch (TokenException e) {
            boolean alreadySaid = expired
                    && (e.failure() == TokenFailure.SECRET_EXPIRED
                            || e.failure() == TokenFailure.CERTIFICATE_NOT_REGISTERED);
            if (!alreadySaid) {
                boolean consent = e.failure() == TokenFailure.APP_NOT_IN_TENANT;
                problems.add(new PreflightProblem(
                        e.failure() == TokenFailure.SECRET_EXPIRED
                                ? PreflightProblem.Kind.SECRET_EXPIRED
                                : PreflightProblem.Kind.TOKEN_REFUSED,
                        PreflightProblem.Severity.ERROR,
                        e.problem(),
                        e.fix(),
                        null,
                        consent ? consentFlow.forTenant(credentialName, tenant, null) : null));
            }
            return new PreflightReport(
                    credentialName, tenant, now, false, Set.of(), required, days, null, problems, credential.kind());
        }
        missingPermissions(credentialName, tenant, datasets, token.roles(), problems);
        Boolean p1 = probeLicense(credential, tenant, datasets, token.roles(), problems);
        probeIntune(credential, tenant, datasets, token.roles(), problems);
        return new PreflightReport(
                credentialName, tenant, now, true, token.roles(), required, days, p1, problems, credential.kind());
    }

    private static void secretProblems(
            AppCredential credential, Long days, boolean expired, List<PreflightProblem> problems) {
        if (credential.kind() == AppCredential.Kind.ASSERTION) {
            return; // a federated assertion is fetched at call time; nothing long-lived can expire
        }
        String which;
        String renew;
        if (credential.kind() == AppCredential.Kind.CERTIFICATE) {
            ClientCertificate certificate = credential.certificate();
            which = "The certificate (thumbprint " + certificate.thumbprint() + ") of credential '" + credential.name()
                    + "'";
            renew = "Create a new certificate, upload its public part to the app registration (Certificates &"
                    + " secrets > Certificates), then rotate it into entra-sync with SecretLifecycle.rotate(\""
                    + credential.name() + "\", newCertificate).";
        } else {
            which = "The client secret of credential '" + credential.name() + "'";
            renew = "Create a new client secret in the app registration (Certificates & secrets), then rotate it"
                    + " into entra-sync with SecretLifecycle.rotate(\"" + credential.name()
                    + "\", newSecret, newExpiry).";
        }
        Instant expiresAt = credential.credentialExpiry().orElse(null);
        if (days == null) {
            problems.add(new PreflightProblem(
                    PreflightProblem.Kind.SECRET_EXPIRY_UNKNOWN,
                    PreflightProblem.Severity.WARNING,
                    "The credential '" + credential.name() + "' does not say when its client secret expires, so no"
                            + " expiry warning can be given.",
                    "Record the secret's expiry date (shown under Certificates & secrets) on the credential.",
                    null,
                    null));
        } else if (expired) {
            problems.add(new PreflightProblem(
                    PreflightProblem.Kind.SECRET_EXPIRED,
                    PreflightProblem.Severity.ERROR,
                    which + " expired on " + expiresAt + "; no tenant can be synced with it.",
                    renew,
                    null,
                    null));
        } else if (days <= SECRET_WARNING_DAYS) {
            problems.add(new PreflightProblem(
                    PreflightProblem.Kind.SECRET_EXPIRING,
                    PreflightProblem.Severity.WARNING,
                    which + " expires in " + days + " days (on " + expiresAt + "); syncing stops then.",
                    renew,
                    null,
                    null));
        }
    }

    private void missingPermissions(
            String credentialName,
            TenantId tenant,
            Set<Dataset> datasets,
            Set<String> roles,
            List<PreflightProblem> problems) {
        ConsentUrl reConsent = null;
        for (GraphPermission permission :
                PermissionManifest.of(datasets, false, mailEnabled).permissions()) {
            if (permission.isGrantedBy(roles)) {
                continue;
            }
            reConsent = reConsent != null ? reConsent : consentFlow.forTenant(credentialName, tenant, null);
            String neededBy = datasets.stream()
                    .filter(d -> DatasetRequirements.permissions(d).contains(permission))
                    .map(Dataset::key)
                    .sorted()
                    .collect(Collectors.joining(", "));
            String purpose = !neededBy.isEmpty()
                    ? "needed by " + neededBy
                    : permission == GraphPermission.MAIL_SEND
                            ? "needed to send mail"
                            : "needed to read the tenant's name and domain";
            problems.add(new PreflightProblem(
                    PreflightProblem.Kind.MISSING_PERMISSION,
                    PreflightProblem.Severity.ERROR,
                    "The app lacks the application permission " + permission.value() + " in tenant " + tenant + " ("
                            + purpose + ").",
                    "Add " + permission.value() + " (Microsoft Graph, Application permission, id " + permission.id()
                            + ") to the app registration, then have an administrator of the tenant grant admin consent"
                            + " again with the re-consent link.",
                    permission.value(),
                    reConsent));
        }
    }

    /** What a tenant without P1 gets of the chosen datasets, in words. */
    private static String gatedParts(Set<Dataset> datasets) {
        List<String> parts = new ArrayList<>();
        if (datasets.contains(Dataset.USERS)) {
            parts.add("users' MFA registration will be reported as unknown");
        }
        if (datasets.contains(Dataset.SIGN_IN_ACTIVITY)) {
            parts.add("sign-in activity will be reported as unknown (never as \"never signed in\")");
        }
        if (datasets.contains(Dataset.CONDITIONAL_ACCESS)) {
            parts.add("it has no Conditional Access (only security defaults are read)");
        }
        return String.join(", ", parts);
    }

    private Boolean probeLicense(
            AppCredential credential,
            TenantId tenant,
            Set<Dataset> datasets,
            Set<String> roles,
            List<PreflightProblem> problems) {
        boolean gated = datasets.stream()
                .anyMatch(d -> DatasetRequirements.license(d)
                        .filter(DatasetRequirements.ENTRA_ID_P1::equals)
                        .isPresent());
        if (!gated || !GraphPermission.AUDIT_LOG_READ_ALL.isGrantedBy(roles)) {
            return null;
        }
        try {
            boolean p1 = LicenseProbe.hasEntraIdP1(transport.forTenant(credential, tenant.value()), new RequestStats());
            if (!p1) {
                problems.add(new PreflightProblem(
                        PreflightProblem.Kind.LICENSE_MISSING,
                        PreflightProblem.Severity.WARNING,
                        "Tenant " + tenant + " has no " + DatasetRequirements.ENTRA_ID_P1 + " licence: "
                                + gatedParts(datasets) + "; everything else syncs.",
                        "Assign " + DatasetRequirements.ENTRA_ID_P1 + " (or P2, or a suite that includes it such as"
                                + " Microsoft 365 Business Premium) in the tenant; nothing changes in entra-sync.",
                        null,
                        null));
            }
            return p1;
        } catch (GraphException e) {
            problems.add(probeFailed(tenant, DatasetRequirements.ENTRA_ID_P1, e));
            return null;
        }
    }

    private void probeIntune(
            AppCredential credential,
            TenantId tenant,
            Set<Dataset> datasets,
            Set<String> roles,
            List<PreflightProblem> problems) {
        if (!datasets.contains(Dataset.MANAGED_DEVICES)
                || !GraphPermission.DEVICE_MANAGEMENT_MANAGED_DEVICES_READ_ALL.isGrantedBy(roles)) {
            return;
        }
        try {
            if (!LicenseProbe.hasIntune(transport.forTenant(credential, tenant.value()), new RequestStats())) {
                problems.add(new PreflightProblem(
                        PreflightProblem.Kind.LICENSE_MISSING,
                        PreflightProblem.Severity.WARNING,
                        "Tenant " + tenant + " has no " + DatasetRequirements.MICROSOFT_INTUNE + ": Intune refused"
                                + " the request as not applicable to the tenant, so managed_devices will fail with that"
                                + " reason; everything else syncs.",
                        "Subscribe the tenant to " + DatasetRequirements.MICROSOFT_INTUNE + " (for example in"
                                + " Microsoft 365 Business Premium or Enterprise Mobility + Security) and set Intune as"
                                + " its MDM authority, or stop syncing managed_devices for it.",
                        null,
                        null));
            }
        } catch (GraphException e) {
            problems.add(probeFailed(tenant, DatasetRequirements.MICROSOFT_INTUNE, e));
        }
    }

    private static PreflightProblem probeFailed(TenantId tenant, String license, GraphException e) {
        return new PreflightProblem(
                PreflightProblem.Kind.PROBE_FAILED,
                PreflightProblem.Severity.WARNING,
                "Could not tell whether tenant " + tenant + " has " + license + ": " + e.getMessage(),
                "Run the preflight again later.",
                null,
                null);
    }
}
