package dev.entrasync;

/**
 * Graph answered 403 {@code Authentication_RequestFromNonPremiumTenantOrB2CTenant}: the tenant lacks
 * the licence the request needs (Microsoft Entra ID P1 or P2 for the MFA registration report and
 * sign-in activity).
 */
public final class LicenseRequiredException extends GraphException {

    private static final long serialVersionUID = 1L;

    private final String licence;

    /**
     * @param licence the licence needed, for example {@code "Microsoft Entra ID P1"}
     */
    public LicenseRequiredException(String tenant, String requestPath, String licence, String graphMessage) {
        super("Graph refused " + requestPath + " in tenant " + tenant + ": the tenant has no " + licence
                        + " licence (Graph said: " + graphMessage + "). Fix: the tenant needs " + licence
                        + " (or P2); until then this data is reported as unknown.",
                403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", tenant, requestPath, false, null);
        this.licence = licence;
    }

    /** The licence the tenant needs. */
    public String licence() {
        return licence;
    }
}
