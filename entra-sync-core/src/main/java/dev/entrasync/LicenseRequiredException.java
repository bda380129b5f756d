package dev.entrasync;

/**
 * Graph answered 403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}: the tenant lacks
 * the licence the request needs (Microsoft Entra ID P1 or P2 for the MFA registration report and
 * sign-in activity); or a service the tenant has no licence for refused in its own words (Intune answers 400
 * {@code BadRequest} "Request not applicable to target tenant." in a tenant without Microsoft Intune). Thrown where {@link GraphException} is; the constructor is public so that hosts' tests
 * can construct it to test their error handling.
 */
public final class LicenseRequiredException extends GraphException {

    private static final long serialVersionUID = 1L;

    /** The licence the tenant needs, for example {@code "Microsoft Entra ID P1"}. */
    private final String license;

    /**
     * @param tenant the tenant the request was for, or null when unknown
     * @param license the licence needed, for example {@code "Microsoft Entra ID P1"}
     * @param requestPath the request's path and query
     * @param graphMessage Graph's error message, quoted in this exception's message
     */
    public LicenseRequiredException(TenantId tenant, String requestPath, String license, String graphMessage) {
        super(
                "Graph refused " + requestPath + " in tenant " + tenant + ": the tenant has no " + license
                        + " licence (Graph said: " + graphMessage + "). Fix: the tenant needs " + license
                        + " (or P2); until then this data is reported as unknown.",
                403,
                "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                tenant,
                requestPath,
                false,
                null);
        this.license = license;
    }

    /**
     * A refusal in a service's own words, such as Intune's 400 {@code BadRequest} "Request not applicable to target
     * tenant." for a tenant without Microsoft Intune.
     *
     * @param tenant the tenant the request was for, or null when unknown
     * @param requestPath the request's path and query
     * @param license the licence needed, for example {@code "Microsoft Intune"}
     * @param status the HTTP status Graph answered, for example 400
     * @param code Graph's error code, for example {@code BadRequest}, or null
     * @param graphMessage Graph's error message, quoted in this exception's message
     */
    public LicenseRequiredException(
            TenantId tenant, String requestPath, String license, int status, String code, String graphMessage) {
        super(
                "Graph refused " + requestPath + " in tenant " + tenant + ": the tenant has no " + license
                        + " (Graph answered " + status + (code == null ? "" : " " + code) + ": " + graphMessage
                        + "). Fix: the tenant needs " + license + " (for example in Microsoft 365 Business Premium)"
                        + " for this data; its other data syncs without it.",
                status,
                code,
                tenant,
                requestPath,
                false,
                null);
        this.license = license;
    }

    /**
     * The licence the tenant needs.
     *
     * @return the licence the tenant needs, as given to the constructor
     */
    public String license() {
        return license;
    }
}
