package dev.entrasync;

import java.util.Optional;

/**
 * Why Microsoft Entra refused an app-only token, in words a person can act on. Each constant knows
 * the AADSTS codes it covers, the plain-words cause and the fix.
 */
public enum TokenFailure {

    /** AADSTS7000215. */
    INVALID_SECRET(
            false,
            "The client secret is wrong (often the secret's ID was saved instead of its Value, or the secret was deleted).",
            "Create a new client secret in the app registration (Certificates & secrets) and save its Value, not its Secret ID.",
            7000215),
    /** AADSTS7000222. */
    SECRET_EXPIRED(
            false,
            "The client secret has expired.",
            "Create a new client secret in the app registration, rotate it into entra-sync, and record its expiry date.",
            7000222),
    /**
     * AADSTS700027: the client assertion's signature does not verify against any certificate on the app
     * registration (the certificate was never uploaded, was removed, or its key credential has expired). See
     * <a href="https://learn.microsoft.com/azure/developer/java/sdk/troubleshooting-authentication-service-principal">
     * Troubleshoot service principal authentication</a>. {@link TokenException#fix()} names the thumbprint.
     */
    CERTIFICATE_NOT_REGISTERED(
            false,
            "Microsoft Entra did not accept the certificate's signature: the certificate entra-sync signs with is not uploaded to the app registration (never uploaded, removed, or expired there).",
            "Upload the certificate entra-sync uses (the public .cer/.pem, not the private key) to the app registration under Certificates & secrets > Certificates, or configure entra-sync with a certificate that is uploaded there.",
            700027),
    /** AADSTS700024: the client assertion has expired, is not yet valid, or its lifetime is too long. */
    ASSERTION_EXPIRED(
            false,
            "The client assertion is not within its valid time range: it has expired, is not yet valid, or is valid for too long.",
            "If a client assertion callback supplies it, make the callback return a fresh token at every call (do not cache it; a Kubernetes projected service-account token is renewed by the kubelet); otherwise check this server's clock (NTP).",
            700024),
    /** AADSTS70021: no federated identity credential on the app matches the assertion's issuer, subject and audience. */
    NO_FEDERATED_CREDENTIAL(
            false,
            "No federated identity credential on the app registration matches the assertion's issuer, subject and audience.",
            "Add a federated identity credential to the app registration (Certificates & secrets > Federated credentials) with exactly the issuer and subject of the token the callback returns and the audience api://AzureADTokenExchange, or make the callback return that identity's token.",
            70021),
    /**
     * AADSTS700023 (audience), 700021 (application id), 700022/50027 (malformed): the client assertion does not
     * fit this app or token endpoint.
     */
    ASSERTION_INVALID(
            false,
            "The client assertion is malformed, or its audience, issuer or subject do not fit this app and token endpoint.",
            "If a client assertion callback supplies it, make it return the identity provider's token issued for the audience api://AzureADTokenExchange; for a certificate, check the credential's client id and cloud.",
            700023,
            700021,
            700022,
            50027),
    /** The host's client assertion callback threw, returned nothing or returned something that is not a JWT. */
    ASSERTION_CALLBACK_FAILED(
            false,
            "The host's client assertion callback failed or returned no usable assertion, so no token was requested.",
            "Check the callback the host registered for this credential: it must return the identity provider's signed token (a JWT with three dot-separated parts) each time it is called; see the host's logs for why it failed."),
    /** AADSTS700016. */
    APP_NOT_IN_TENANT(
            false,
            "The app is not present in this tenant: an administrator has not granted consent there (or revoked it), or the client id or tenant id is wrong.",
            "Ask a Global Administrator of the tenant to open the admin-consent URL and approve the app; check the client id and tenant id.",
            700016),
    /** AADSTS90002. */
    TENANT_NOT_FOUND(
            false,
            "The tenant was not found: the tenant id or domain is wrong, the tenant was deleted or has no active subscription, or it lives in another cloud.",
            "Check the tenant id (a GUID from the tenant's Overview page) and that the credential's cloud matches the tenant's cloud.",
            90002),
    /** AADSTS900023. */
    TENANT_MALFORMED(
            false,
            "The tenant value is neither a tenant GUID nor a valid domain name.",
            "Use the tenant's GUID (Directory ID) or one of its verified domains, such as contoso.onmicrosoft.com.",
            900023),
    /** AADSTS53003. */
    BLOCKED_BY_CONDITIONAL_ACCESS(
            false,
            "A Conditional Access policy in the tenant blocked the app's token (for example a policy for workload identities or a location rule).",
            "Ask the tenant's administrator to exclude this app's service principal from the blocking Conditional Access policy, or allow the sync server's location.",
            53003),
    /** AADSTS7000112, 700011, 70001. */
    APP_DISABLED(
            false,
            "The application is disabled or was not found in its home tenant.",
            "Enable the app registration (or its service principal) in Microsoft Entra, or check the client id.",
            7000112,
            700011,
            70001),
    /** AADSTS900382, 900432, 500011 and 90002 across clouds. */
    WRONG_CLOUD(
            false,
            "The credential and the tenant are in different Microsoft clouds (for example a Global app used for a US Government tenant), or the Graph resource does not exist in this cloud.",
            "Register the app in the tenant's own cloud and set the credential's cloud to match (global, usgov, usgov-dod or china).",
            900382,
            900432,
            500011),
    /** AADSTS1002012. */
    INVALID_SCOPE(
            false,
            "The token request's scope is invalid for the client-credentials flow.",
            "This is a bug in the caller: app-only tokens must use the scope {graph host}/.default.",
            1002012),
    /** The token endpoint was unreachable, throttled or failed with a server error. */
    SERVICE_UNAVAILABLE(
            true,
            "Microsoft Entra's token endpoint was unreachable, throttled or returned a server error.",
            "Nothing to change; entra-sync retries later. If it persists, check the network, proxy and TLS settings."),
    /** Any other AADSTS code: its number and Microsoft's description are kept. */
    UNKNOWN(
            false,
            "Microsoft Entra refused the token for a reason entra-sync does not recognise.",
            "Look the AADSTS code up at " + Cloud.AADSTS_LOOKUP
                    + " and fix the app registration or tenant accordingly.");

    private final boolean transientFailure;
    private final String cause;
    private final String fix;
    private final int[] codes;

    TokenFailure(boolean transientFailure, String cause, String fix, int... codes) {
        this.transientFailure = transientFailure;
        this.cause = cause;
        this.fix = fix;
        this.codes = codes;
    }

    /**
     * The failure an AADSTS code stands for; {@link #UNKNOWN} for codes not listed.
     *
     * @param aadstsCode the number of an AADSTS code, without the {@code AADSTS} prefix, such as {@code 7000215}
     * @return the failure the code stands for; {@link #UNKNOWN} when no constant lists it; never null
     */
    public static TokenFailure forCode(int aadstsCode) {
        for (TokenFailure failure : values()) {
            for (int code : failure.codes) {
                if (code == aadstsCode) {
                    return failure;
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * The main AADSTS code of this failure, if it has one.
     *
     * @return the first AADSTS code this failure lists; empty for {@link #SERVICE_UNAVAILABLE} and {@link #UNKNOWN}
     */
    public Optional<Integer> primaryCode() {
        return codes.length == 0 ? Optional.empty() : Optional.of(codes[0]);
    }

    /**
     * What happened, in plain words.
     *
     * @return the cause in plain words; never null
     */
    public String cause() {
        return cause;
    }

    /**
     * What a person should do about it.
     *
     * @return the fix in plain words; never null
     */
    public String fix() {
        return fix;
    }

    /**
     * Whether retrying later, unchanged, may succeed.
     *
     * @return true only for {@link #SERVICE_UNAVAILABLE}
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * Whether nothing will change until a person acts on the credential or the consent (a wrong or
     * expired secret, a missing consent, a disabled app). The engine stops retrying such tenants.
     *
     * @return true for {@link #INVALID_SECRET}, {@link #SECRET_EXPIRED}, {@link #CERTIFICATE_NOT_REGISTERED},
     *     {@link #NO_FEDERATED_CREDENTIAL}, {@link #APP_NOT_IN_TENANT}, {@link #APP_DISABLED},
     *     {@link #TENANT_NOT_FOUND} and {@link #WRONG_CLOUD}; false for every other failure
     */
    public boolean isPermanent() {
        return this == INVALID_SECRET
                || this == SECRET_EXPIRED
                || this == CERTIFICATE_NOT_REGISTERED
                || this == NO_FEDERATED_CREDENTIAL
                || this == APP_NOT_IN_TENANT
                || this == APP_DISABLED
                || this == TENANT_NOT_FOUND
                || this == WRONG_CLOUD;
    }
}
