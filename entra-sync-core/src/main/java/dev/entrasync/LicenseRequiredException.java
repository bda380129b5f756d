package dev.entrasync;

/**
 * Graph answered 403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}: the tenant lacks
 * the licence the request needs (Microsoft Entra ID P1 or P2 for the MFA registration report and
 * sign-in activity). Thrown where {@link GraphException} is; the constructor is public so that hosts' tests
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
     * The licence the tenant needs.
     *
     * @return the licence the tenant needs, as given to the constructor
     */
    public String license() {
        return license;
    }
}
