package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.TenantId;
import dev.entrasync.TokenException;
import dev.entrasync.internal.auth.AccessToken;
import dev.entrasync.internal.onboarding.ConsentErrors;
import dev.entrasync.internal.onboarding.ConsentState;
import dev.entrasync.internal.onboarding.ConsentVerifier;
import dev.entrasync.internal.onboarding.QueryString;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin consent, end to end. {@link #forTenant} and {@link #forAnyTenant} build the v2.0
 * admin-consent link with a signed, expiring, single-use {@code state} naming the credential and
 * the host's company; the host redirects an administrator there. Microsoft redirects back to the
 * host's redirect URI; the host hands the query parameters to {@link #complete(Map)}, which checks
 * the state, reads Microsoft's answer and, for a grant, <b>verifies it by getting an app-only token
 * for the tenant</b> (retrying while Microsoft propagates the consent), then records it in the
 * {@link ConsentStore}. The redirect's {@code tenant} parameter alone is never trusted.
 *
 * <p>Obtained from {@link Onboarding#consent()}. Thread-safe. {@link #complete(Map)} may block for
 * up to the propagation window (default 15 minutes) on the configured sleeper: call it from a
 * worker thread, or show the administrator a "checking…" page meanwhile. Mapping the tenant to the
 * company the link named is the host's next step ({@link TenantMapper#map(TenantMapping)}).
 */
public final class ConsentFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentFlow.class);
    private static final String ANY_TENANT = "organizations";

    private final CredentialStore credentials;
    private final ConsentStore consents;
    private final ConsentState state;
    private final ConsentVerifier verifier;
    private final Clock clock;
    private final URI redirectUri;
    private final Duration stateLifetime;

    ConsentFlow(CredentialStore credentials, ConsentStore consents, ConsentState state, ConsentVerifier verifier,
                Clock clock, URI redirectUri, Duration stateLifetime) {
        this.credentials = credentials;
        this.consents = consents;
        this.state = state;
        this.verifier = verifier;
        this.clock = clock;
        this.redirectUri = redirectUri;
        this.stateLifetime = stateLifetime;
    }

    /**
     * A consent link for a known tenant.
     *
     * @param credentialName a credential in the credential store
     * @param tenant the tenant's GUID or a verified domain
     * @param companyId the host's company the consent is for, or null
     * @throws IllegalArgumentException if the credential is unknown
     */
    public ConsentUrl forTenant(String credentialName, TenantId tenant, String companyId) {
        return link(credentialName, Objects.requireNonNull(tenant, "tenant"), companyId);
    }

    /**
     * A consent link for whichever tenant the administrator signs in to ({@code organizations}).
     *
     * @param companyId the host's company the consent is for, or null
     * @throws IllegalArgumentException if the credential is unknown
     */
    public ConsentUrl forAnyTenant(String credentialName, String companyId) {
        return link(credentialName, null, companyId);
    }

    private ConsentUrl link(String credentialName, TenantId tenant, String companyId) {
        AppCredential credential = credential(credentialName);
        Instant now = clock.instant();
        String signed = state.sign(new ConsentState.Claims(credential.name(), blankToNull(companyId),
                tenant == null ? null : tenant.value(), now, state.newNonce()));
        String url = credential.cloud().loginUrl() + "/" + (tenant == null ? ANY_TENANT : tenant.value())
                + "/v2.0/adminconsent?client_id=" + QueryString.encode(credential.clientId())
                + "&scope=" + QueryString.encode(credential.cloud().graphScope())
                + "&redirect_uri=" + QueryString.encode(redirectUri.toString())
                + "&state=" + QueryString.encode(signed);
        return new ConsentUrl(URI.create(url), credential.name(), tenant, blankToNull(companyId),
                now.plus(stateLifetime));
    }

    /**
     * Completes a consent from the raw query string of the redirect (with or without the leading {@code ?}).
     *
     * @see #complete(Map)
     */
    public ConsentResult complete(String rawQuery) {
        return complete(QueryString.parse(rawQuery == null ? "" : rawQuery));
    }

    /**
     * Completes a consent from the redirect's decoded query parameters ({@code state},
     * {@code admin_consent}, {@code tenant}, {@code scope}, or {@code error}, {@code error_description},
     * {@code error_subcode}). Never throws for anything the redirect carries: every outcome is a
     * {@link ConsentResult}. Only {@link ConsentResult.Granted} records anything.
     */
    public ConsentResult complete(Map<String, String> query) {
        Objects.requireNonNull(query, "query");
        ConsentState.Checked checked = state.check(query.get("state"));
        if (checked.defect() == ConsentState.Defect.MALFORMED) {
            return refused(ConsentResult.InvalidState.Reason.MALFORMED, "The consent redirect's state is missing or"
                    + " was not made by this host. Nothing was recorded; start again from a new consent link.");
        }
        if (checked.defect() == ConsentState.Defect.TAMPERED) {
            return refused(ConsentResult.InvalidState.Reason.TAMPERED, "The consent redirect's state does not carry"
                    + " this host's signature (altered, or signed with another key). Nothing was recorded; start"
                    + " again from a new consent link.");
        }
        ConsentState.Claims claims = checked.claims();
        Instant usableUntil = claims.issuedAt().plus(stateLifetime);
        if (!clock.instant().isBefore(usableUntil)) {
            return refused(ConsentResult.InvalidState.Reason.EXPIRED, "The consent link expired at " + usableUntil
                    + " (links last " + stateLifetime.toMinutes() + " minutes). Nothing was recorded; open a new"
                    + " consent link.");
        }
        if (!consents.markStateUsed(claims.nonce(), usableUntil)) {
            return refused(ConsentResult.InvalidState.Reason.REPLAYED, "This consent link was already used once."
                    + " Nothing was recorded again; open a new consent link if consent is still needed.");
        }
        return answer(claims, query);
    }

    private ConsentResult answer(ConsentState.Claims claims, Map<String, String> query) {
        String error = blankToNull(query.get("error"));
        if (error != null) {
            String description = blankToNull(query.get("error_description"));
            if ("cancel".equalsIgnoreCase(query.get("error_subcode"))) {
                return logged(new ConsentResult.Cancelled(error, description));
            }
            ConsentErrors.Explained why = ConsentErrors.explain(error, description);
            return logged(new ConsentResult.Declined(error, description, why.aadstsCode(), why.words(), why.fix()));
        }
        String claimed = blankToNull(query.get("tenant"));
        if (!"true".equalsIgnoreCase(query.get("admin_consent")) || guid(claimed) == null) {
            return logged(new ConsentResult.NotVerified(claimed, "The consent redirect reported neither a granted"
                    + " consent with a tenant id nor an error. Nothing was recorded; open a new consent link.", null));
        }
        TenantId tenant = TenantId.of(claimed);
        if (claims.tenantHint() != null && TenantId.of(claims.tenantHint()).isGuid()
                && !claims.tenantHint().equals(tenant.value())) {
            return logged(new ConsentResult.NotVerified(claimed, "The consent link was for tenant " + claims.tenantHint()
                    + " but the redirect names tenant " + tenant + ". Nothing was recorded; open a new link for the"
                    + " intended tenant.", null));
        }
        return verify(claims.credentialName(), tenant, claims.companyId());
    }

    /**
     * Verifies (again) that the credential has consent in the tenant, by getting an app-only token,
     * retrying over the propagation window; records it on success. Use it after a
     * {@link ConsentResult.NotVerified} once the administrator confirms, or for a consent granted
     * outside entra-sync.
     *
     * @param companyId the host's company to record with the consent, or null
     * @throws IllegalArgumentException if the credential is unknown
     */
    public ConsentResult verify(String credentialName, TenantId tenant, String companyId) {
        Objects.requireNonNull(tenant, "tenant");
        AppCredential credential = credential(credentialName);
        AccessToken token;
        try {
            token = verifier.verify(credential, tenant.value());
        } catch (TokenException e) {
            return logged(new ConsentResult.NotVerified(tenant.value(), "No app-only token could be had for tenant "
                    + tenant + ", so the consent is not confirmed and nothing was recorded. " + e.getMessage(), e));
        }
        if (token.tenantId() != null && tenant.isGuid() && !token.tenantId().equalsIgnoreCase(tenant.value())) {
            return logged(new ConsentResult.NotVerified(tenant.value(), "The token obtained for tenant " + tenant
                    + " belongs to tenant " + token.tenantId() + ". Nothing was recorded.", null));
        }
        TenantId verified = token.tenantId() != null ? TenantId.of(token.tenantId()) : tenant;
        ConsentRecord consent = new ConsentRecord(credential.name(), verified, blankToNull(companyId), token.roles(),
                clock.instant());
        consents.save(consent);
        return logged(new ConsentResult.Granted(consent));
    }

    private AppCredential credential(String credentialName) {
        Objects.requireNonNull(credentialName, "credentialName");
        return credentials.find(credentialName).orElseThrow(() -> new IllegalArgumentException(
                "credentialName: no credential named '" + credentialName + "' in the credential store"));
    }

    private static ConsentResult refused(ConsentResult.InvalidState.Reason reason, String message) {
        return logged(new ConsentResult.InvalidState(reason, message));
    }

    private static ConsentResult logged(ConsentResult result) {
        LOG.info("Admin consent: {}", result.message());
        return result;
    }

    private static TenantId guid(String value) {
        try {
            TenantId tenant = value == null ? null : TenantId.of(value);
            return tenant != null && tenant.isGuid() ? tenant : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
