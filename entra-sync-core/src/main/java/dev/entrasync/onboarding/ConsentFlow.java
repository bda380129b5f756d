package dev.entrasync.onboarding;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapper;
import dev.entrasync.TenantMapping;
import dev.entrasync.TokenException;
import dev.entrasync.internal.auth.AccessToken;
import dev.entrasync.internal.auth.TokenService;
import dev.entrasync.internal.onboarding.ConsentErrors;
import dev.entrasync.internal.onboarding.ConsentState;
import dev.entrasync.internal.onboarding.ConsentVerifier;
import dev.entrasync.internal.onboarding.IdTokenVerifier;
import dev.entrasync.internal.onboarding.Pkce;
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
 * Admin consent, end to end, bound to the administrator who gave it. {@link #forTenant} and
 * {@link #forAnyTenant} build an OpenID Connect sign-in link (authorization code with PKCE on the
 * cloud's v2.0 {@code authorize} endpoint, {@code scope=openid profile {graph}/.default},
 * {@code prompt=consent}, a {@code nonce}) with a signed, expiring, single-use {@code state} naming
 * the credential and the host's company; the host redirects an administrator there, who signs in and
 * grants the app's configured permissions for the organisation. Microsoft redirects back to the
 * host's redirect URI; the host hands the query parameters to {@link #complete(Map)}, which checks
 * the state, redeems the code through MSAL4J, <b>verifies the ID token</b> (signature against the
 * cloud's published keys, issuer, audience, nonce, lifetime) and takes the tenant from its
 * {@code tid} &mdash; never from the redirect's {@code tenant} parameter, which anyone can edit. It
 * then confirms the consent by getting an app-only token for that tenant (retrying while Microsoft
 * propagates it) and records it in the {@link ConsentStore}.
 *
 * <p>The PKCE verifier and the OpenID nonce are derived from the state's random nonce under the
 * host's state key, so nothing is stored between the link and the redirect, every host instance
 * sharing the key can complete the consent, and the browser only ever sees the verifier's hash.
 *
 * <p>Obtained from {@link Onboarding#consent()}. Thread-safe. {@link #complete(Map)} may block for
 * up to the propagation window (default 15 minutes) on the configured sleeper. A host that must not
 * hold its request thread that long calls {@link #prove(Map)} there instead (seconds: the code must be
 * redeemed promptly) and {@link #verify(String, TenantId, String)} on a worker, showing the
 * administrator a "checking…" page meanwhile; the sample web host does. Mapping the tenant to the
 * company the link named is the host's next step ({@link TenantMapper#map(TenantMapping)}).
 */
public final class ConsentFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentFlow.class);
    private static final String ANY_TENANT = "organizations";
    /*
     * Which prompt asks an administrator for admin consent on the v2.0 authorize endpoint: the v2.0
     * protocol reference lists login, none, consent and select_account as the valid values
     * (Microsoft Learn, "Microsoft identity platform and OAuth 2.0 authorization code flow", request
     * parameters; admin_consent is a v1.0 endpoint value). With scope {resource}/.default,
     * prompt=consent shows the consent page "for all required permissions configured on the client
     * application registration" (Microsoft Learn, "Scopes and permissions in the Microsoft identity
     * platform", section ".default when the user has already given consent"), where an administrator
     * grants them, application permissions included, on behalf of the organisation (confirmed on
     * Microsoft Q&A 1507836: /authorize with .default by an administrator is equivalent to /adminconsent).
     */
    private static final String PROMPT = "consent";

    private final CredentialStore credentials;
    private final ConsentStore consents;
    private final ConsentState state;
    private final ConsentVerifier verifier;
    private final TokenService tokens;
    private final IdTokenVerifier idTokens;
    private final Clock clock;
    private final URI redirectUri;
    private final Duration stateLifetime;

    ConsentFlow(
            CredentialStore credentials,
            ConsentStore consents,
            ConsentState state,
            ConsentVerifier verifier,
            TokenService tokens,
            IdTokenVerifier idTokens,
            Clock clock,
            URI redirectUri,
            Duration stateLifetime) {
        this.credentials = credentials;
        this.consents = consents;
        this.state = state;
        this.verifier = verifier;
        this.tokens = tokens;
        this.idTokens = idTokens;
        this.clock = clock;
        this.redirectUri = redirectUri;
        this.stateLifetime = stateLifetime;
    }

    /**
     * A consent link for a known tenant: only an administrator who signs in to that tenant can
     * complete it.
     *
     * @param credentialName a credential in the credential store
     * @param tenant the tenant's GUID or a verified domain
     * @param companyId the host's company the consent is for, or null
     * @return a new signed link, usable once until its {@link ConsentUrl#expiresAt()}; never null
     * @throws IllegalArgumentException if the credential is unknown
     * @throws NullPointerException if {@code credentialName} or {@code tenant} is null
     */
    public ConsentUrl forTenant(String credentialName, TenantId tenant, String companyId) {
        return link(credentialName, Objects.requireNonNull(tenant, "tenant"), companyId);
    }

    /**
     * A consent link for whichever tenant the administrator signs in to ({@code organizations}); the
     * tenant recorded is the one the signed-in administrator belongs to.
     *
     * @param companyId the host's company the consent is for, or null
     * @param credentialName a credential in the credential store; never null
     * @return a new signed link for the {@code organizations} authority, usable once until its
     *     {@link ConsentUrl#expiresAt()}; never null
     * @throws IllegalArgumentException if the credential is unknown
     * @throws NullPointerException if {@code credentialName} is null
     */
    public ConsentUrl forAnyTenant(String credentialName, String companyId) {
        return link(credentialName, null, companyId);
    }

    private ConsentUrl link(String credentialName, TenantId tenant, String companyId) {
        AppCredential credential = credential(credentialName);
        Instant now = clock.instant();
        String nonce = state.newNonce();
        String signed = state.sign(new ConsentState.Claims(
                credential.name(), blankToNull(companyId), tenant == null ? null : tenant.value(), now, nonce));
        String url = credential.cloud().loginUrl() + "/" + (tenant == null ? ANY_TENANT : tenant.value())
                + "/oauth2/v2.0/authorize?client_id=" + encode(credential.clientId())
                + "&response_type=code"
                + "&redirect_uri=" + encode(redirectUri.toString())
                + "&response_mode=query"
                + "&scope=" + encode("openid profile " + credential.cloud().graphScope())
                + "&prompt=" + PROMPT
                + "&state=" + encode(signed)
                + "&nonce=" + encode(state.derive(ConsentState.Purpose.OIDC_NONCE, nonce))
                + "&code_challenge=" + encode(Pkce.challenge(state.derive(ConsentState.Purpose.PKCE_VERIFIER, nonce)))
                + "&code_challenge_method=S256";
        return new ConsentUrl(
                URI.create(url), credential.name(), tenant, blankToNull(companyId), now.plus(stateLifetime));
    }

    /**
     * Completes a consent from the raw query string of the redirect (with or without the leading {@code ?}).
     *
     * @param rawQuery the redirect's raw query string, with or without the leading {@code ?}; null is read as empty
     * @return the outcome, as {@link #complete(Map)} gives it; never null
     * @see #complete(Map)
     */
    public ConsentResult complete(String rawQuery) {
        return complete(QueryString.parse(rawQuery == null ? "" : rawQuery));
    }

    /**
     * Completes a consent from the redirect's decoded query parameters ({@code code} and {@code state},
     * or {@code error}, {@code error_description}, {@code error_subcode} and {@code state}). In order:
     * the state (signature, age, single use), Microsoft's error if any, the code's redemption, the ID
     * token, the tenant (the ID token's {@code tid}; a {@code tenant} parameter, if the redirect has one,
     * must equal it, and so must the tenant the link was made for), then the app-only token. Never
     * throws for anything the redirect carries: every outcome is a {@link ConsentResult}, and only
     * {@link ConsentResult.Granted} records anything.
     *
     * @param query the redirect's decoded query parameters; never null
     * @return {@link ConsentResult.Granted} when the consent was verified and recorded, else the refusal; never null
     * @throws NullPointerException if {@code query} is null
     */
    public ConsentResult complete(Map<String, String> query) {
        ConsentResult proof = prove(query);
        return proof instanceof ConsentResult.Proven proven
                ? verify(proven.credentialName(), proven.tenant(), proven.companyId())
                : proof;
    }

    /**
     * The first half of {@link #complete(Map)}: checks the state, reads Microsoft's answer, redeems the
     * code and verifies the ID token, but does not wait for the consent to propagate. Returns
     * {@link ConsentResult.Proven} when the redirect proved which tenant's administrator consented, and
     * otherwise the same refusal {@code complete} would. Nothing is recorded either way; the state is
     * used up.
     *
     * <p>For hosts that confirm consents on a queue: call this on the request thread (it sends one code
     * redemption and, at most, fetches the cloud's keys, so it is over in seconds; an authorization code
     * must be redeemed within about 10 minutes of the redirect, so it cannot wait in a queue), then
     * {@link #verify(String, TenantId, String)} with the proven tenant on a worker, which may wait the
     * whole propagation window.
     *
     * @param query the redirect's decoded query parameters, as for {@link #complete(Map)}
     * @return {@link ConsentResult.Proven}, or a refusal; never null
     */
    public ConsentResult prove(Map<String, String> query) {
        Objects.requireNonNull(query, "query");
        ConsentState.Checked checked = state.check(query.get("state"));
        if (checked.defect() == ConsentState.Defect.MALFORMED) {
            return refused(
                    ConsentResult.InvalidState.Reason.MALFORMED,
                    "The consent redirect's state is missing or"
                            + " was not made by this host. Nothing was recorded; start again from a new consent link.");
        }
        if (checked.defect() == ConsentState.Defect.TAMPERED) {
            return refused(
                    ConsentResult.InvalidState.Reason.TAMPERED,
                    "The consent redirect's state does not carry"
                            + " this host's signature (altered, or signed with another key). Nothing was recorded; start"
                            + " again from a new consent link.");
        }
        ConsentState.Claims claims = checked.claims();
        Instant usableUntil = claims.issuedAt().plus(stateLifetime);
        if (!clock.instant().isBefore(usableUntil)) {
            return refused(
                    ConsentResult.InvalidState.Reason.EXPIRED,
                    "The consent link expired at " + usableUntil
                            + " (links last " + stateLifetime.toMinutes()
                            + " minutes). Nothing was recorded; open a new"
                            + " consent link.");
        }
        if (!consents.markStateUsed(claims.nonce(), usableUntil)) {
            return refused(
                    ConsentResult.InvalidState.Reason.REPLAYED,
                    "This consent link was already used once."
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
        String code = blankToNull(query.get("code"));
        if (code == null) {
            return notProven(
                    ConsentResult.NotProven.Reason.NO_CODE,
                    "The consent redirect carried neither a sign-in"
                            + " code nor an error, so it cannot prove which tenant's administrator consented (a link made"
                            + " before entra-sync signed administrators in, or an edited redirect). Nothing was recorded;"
                            + " open a new consent link.");
        }
        AppCredential credential = credentials.find(claims.credentialName()).orElse(null);
        if (credential == null) {
            return logged(new ConsentResult.NotVerified(
                    claims.tenantHint(),
                    "The credential '"
                            + claims.credentialName()
                            + "' this consent link was made for is no longer in the credential store,"
                            + " so the sign-in cannot be completed. Nothing was recorded; add the credential back, or open a"
                            + " new consent link for another credential.",
                    null));
        }
        String authority = claims.tenantHint() == null ? ANY_TENANT : claims.tenantHint();
        String idToken;
        try {
            idToken = tokens.redeemCode(
                    credential,
                    authority,
                    code,
                    redirectUri,
                    state.derive(ConsentState.Purpose.PKCE_VERIFIER, claims.nonce()));
        } catch (TokenException e) {
            return notProven(
                    e.isTransient()
                            ? ConsentResult.NotProven.Reason.CLOUD_UNAVAILABLE
                            : ConsentResult.NotProven.Reason.CODE_REFUSED,
                    ConsentErrors.codeRefused(e));
        }
        TenantId tid;
        try {
            tid = idTokens.verify(credential, idToken, state.derive(ConsentState.Purpose.OIDC_NONCE, claims.nonce()));
        } catch (IdTokenVerifier.Rejected e) {
            return rejected(e, "The sign-in's ID token was refused, so it does not prove which tenant consented: ");
        }
        String claimed = blankToNull(query.get("tenant"));
        if (claimed != null && !claimed.equalsIgnoreCase(tid.value())) {
            return notProven(
                    ConsentResult.NotProven.Reason.TENANT_MISMATCH,
                    "The consent redirect names tenant "
                            + printable(claimed) + ", but the administrator who signed in belongs to tenant " + tid
                            + ". A"
                            + " redirect's tenant parameter can be edited by anyone, so the consent is refused. Nothing was"
                            + " recorded; open a new consent link and have an administrator of the intended tenant sign in.");
        }
        if (claims.tenantHint() != null) {
            TenantId intended = TenantId.of(claims.tenantHint());
            TenantId expected;
            try {
                expected = intended.isGuid() ? intended : idTokens.tenantOfDomain(credential.cloud(), intended.value());
            } catch (IdTokenVerifier.Rejected e) {
                String what = "The tenant of domain " + intended + ", for which the link was made, could not be"
                        + " confirmed: ";
                return e.unavailable()
                        ? rejected(e, what)
                        : notProven(
                                ConsentResult.NotProven.Reason.TENANT_MISMATCH,
                                what + e.getMessage()
                                        + " Nothing was recorded; open a new link for the tenant's GUID.");
            }
            if (!expected.equals(tid)) {
                return notProven(
                        ConsentResult.NotProven.Reason.TENANT_MISMATCH,
                        "The consent link was for tenant "
                                + intended + (intended.isGuid() ? "" : " (" + expected + ")")
                                + ", but the administrator who"
                                + " signed in belongs to tenant " + tid
                                + ". Nothing was recorded; open a new link for the"
                                + " intended tenant and have one of its administrators sign in.");
            }
        }
        return logged(new ConsentResult.Proven(credential.name(), tid, claims.companyId()));
    }

    /**
     * Verifies (again) that the credential has consent in the tenant, by getting an app-only token,
     * retrying over the propagation window; records it on success. Use it with the tenant of a
     * {@link ConsentResult.Proven} from {@link #prove(Map)}, after a {@link ConsentResult.NotVerified} once the administrator confirms, or for a consent granted
     * outside entra-sync.
     *
     * @param companyId the host's company to record with the consent, or null
     * @param credentialName a credential in the credential store; never null
     * @param tenant the tenant to verify, a GUID or a verified domain; never null
     * @return {@link ConsentResult.Granted} with the recorded consent, or {@link ConsentResult.NotVerified} when no
     *     app-only token could be had for the tenant or the token named another tenant; never null
     * @throws IllegalArgumentException if the credential is unknown
     * @throws NullPointerException if {@code credentialName} or {@code tenant} is null
     */
    public ConsentResult verify(String credentialName, TenantId tenant, String companyId) {
        Objects.requireNonNull(tenant, "tenant");
        AppCredential credential = credential(credentialName);
        AccessToken token;
        try {
            token = verifier.verify(credential, tenant.value());
        } catch (TokenException e) {
            return logged(new ConsentResult.NotVerified(
                    tenant.value(),
                    "No app-only token could be had for tenant " + tenant
                            + ", so the consent is not confirmed and nothing was recorded. " + e.getMessage(),
                    e));
        }
        if (token.tenantId() != null && tenant.isGuid() && !token.tenantId().equalsIgnoreCase(tenant.value())) {
            return logged(new ConsentResult.NotVerified(
                    tenant.value(),
                    "The token obtained for tenant " + tenant + " belongs to tenant " + token.tenantId()
                            + ". Nothing was recorded.",
                    null));
        }
        TenantId verified = token.tenantId() != null ? TenantId.of(token.tenantId()) : tenant;
        ConsentRecord consent =
                new ConsentRecord(credential.name(), verified, blankToNull(companyId), token.roles(), clock.instant());
        consents.save(consent);
        return logged(new ConsentResult.Granted(consent));
    }

    private AppCredential credential(String credentialName) {
        Objects.requireNonNull(credentialName, "credentialName");
        return credentials
                .find(credentialName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
    }

    private static ConsentResult notProven(ConsentResult.NotProven.Reason reason, String message) {
        return logged(new ConsentResult.NotProven(reason, message));
    }

    private static ConsentResult rejected(IdTokenVerifier.Rejected e, String what) {
        if (e.unavailable()) {
            return notProven(
                    ConsentResult.NotProven.Reason.CLOUD_UNAVAILABLE,
                    what + e.getMessage() + " Nothing was"
                            + " recorded; the administrator's consent itself may have been given: open a new consent link"
                            + " once the cloud answers again.");
        }
        return notProven(
                ConsentResult.NotProven.Reason.ID_TOKEN_INVALID,
                what + e.getMessage() + " Nothing was" + " recorded; open a new consent link.");
    }

    private static String encode(String value) {
        return QueryString.encode(value).replace("+", "%20");
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static ConsentResult refused(ConsentResult.InvalidState.Reason reason, String message) {
        return logged(new ConsentResult.InvalidState(reason, message));
    }

    private static ConsentResult logged(ConsentResult result) {
        LOG.info("Admin consent: {}", result.message());
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
