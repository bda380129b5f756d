package dev.entrasync.testkit;

import java.util.Objects;

/**
 * An Entra ID (AADSTS) error the simulated token endpoint answers with, either because the request
 * deserves it or because a test asked for it with {@link Faults#failTokens(String, AadError)}.
 *
 * <p>The description is Microsoft's wording; the placeholders {@code {appId}}, {@code {tenant}}
 * and {@code {scope}} are filled from the request. The endpoint adds the {@code AADSTSnnnn: }
 * prefix and the trace, correlation and timestamp lines. Immutable and thread-safe.
 */
public final class AadError {
    /** AADSTS7000215, 401 {@code invalid_client}: the client secret is wrong. */
    public static final AadError INVALID_CLIENT_SECRET = new AadError(
            7000215,
            401,
            "invalid_client",
            "Invalid client secret provided. Ensure the secret being sent in the request is the client"
                    + " secret value, not the client secret ID, for a secret added to app '{appId}'.");
    /** AADSTS7000222, 401 {@code invalid_client}: the client secret has expired. */
    public static final AadError CLIENT_SECRET_EXPIRED = new AadError(
            7000222,
            401,
            "invalid_client",
            "The provided client secret keys for app '{appId}' are expired. Visit the Azure portal to"
                    + " create new keys for your app: https://aka.ms/NewClientSecret, or consider using"
                    + " certificate credentials for added security: https://aka.ms/certCreds.");
    /** AADSTS700016, 400 {@code unauthorized_client}: unknown app, or not consented in the tenant. */
    public static final AadError APP_NOT_FOUND_IN_TENANT = new AadError(
            700016,
            400,
            "unauthorized_client",
            "Application with identifier '{appId}' was not found in the directory '{tenant}'. This can"
                    + " happen if the application has not been installed by the administrator of the tenant"
                    + " or consented to by any user in the tenant. You may have sent your authentication"
                    + " request to the wrong tenant.");
    /** AADSTS90002, 400 {@code invalid_tenant}: no tenant with that id or domain. */
    public static final AadError TENANT_NOT_FOUND = new AadError(
            90002,
            400,
            "invalid_tenant",
            "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are"
                    + " signing into the correct cloud. Check with your subscription administrator, this may"
                    + " happen if there are no active subscriptions for the tenant.");
    /** AADSTS900023, 400 {@code invalid_request}: the tenant segment is neither a GUID nor a domain. */
    public static final AadError INVALID_TENANT_IDENTIFIER = new AadError(
            900023,
            400,
            "invalid_request",
            "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external" + " domain.");
    /** AADSTS1002012, 400 {@code invalid_scope}: client credentials need a {@code /.default} scope. */
    public static final AadError INVALID_SCOPE = new AadError(
            1002012,
            400,
            "invalid_scope",
            "The provided value for scope {scope} is not valid. Client credential flows must have a scope"
                    + " value with /.default suffixed to the resource identifier (application ID URI).");
    /** AADSTS500011, 400 {@code invalid_resource}: the scope names a resource the cloud lacks. */
    public static final AadError RESOURCE_NOT_FOUND = new AadError(
            500011,
            400,
            "invalid_resource",
            "The resource principal named {scope} was not found in the tenant named {tenant}. This can"
                    + " happen if the application has not been installed by the administrator of the tenant"
                    + " or consented to by any user in the tenant. You might have sent your authentication"
                    + " request to the wrong tenant.");
    /** AADSTS7000112, 400 {@code unauthorized_client}: the application is disabled. */
    public static final AadError APP_DISABLED =
            new AadError(7000112, 400, "unauthorized_client", "Application '{appId}' is disabled.");
    /** AADSTS53003, 400 {@code invalid_grant}: Conditional Access blocked the token (status assumed). */
    public static final AadError BLOCKED_BY_CONDITIONAL_ACCESS = new AadError(
            53003,
            400,
            "invalid_grant",
            "Access has been blocked by Conditional Access policies. The access policy does not allow"
                    + " token issuance.");
    /** AADSTS900382, 400 {@code unauthorized_client}: confidential client used across clouds. */
    public static final AadError CROSS_CLOUD = new AadError(
            900382, 400, "unauthorized_client", "Confidential Client is not supported in Cross Cloud request.");
    /** AADSTS70003, 400 {@code unsupported_grant_type}: the grant type is not supported. */
    public static final AadError UNSUPPORTED_GRANT_TYPE =
            new AadError(70003, 400, "unsupported_grant_type", "The app requested an unsupported grant type.");

    private final int code;
    private final int httpStatus;
    private final String error;
    private final String description;

    private AadError(int code, int httpStatus, String error, String description) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.error = error;
        this.description = description;
    }

    /**
     * Returns an error of the caller's making.
     *
     * @param code the AADSTS number, without prefix
     * @param httpStatus the HTTP status, 400..599
     * @param error the OAuth {@code error} field, e.g. {@code invalid_grant}
     * @param description Microsoft's words, without the {@code AADSTSnnnn: } prefix
     * @return the error; never null
     */
    public static AadError custom(int code, int httpStatus, String error, String description) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 400..599, was " + httpStatus);
        }
        return new AadError(
                code,
                httpStatus,
                Objects.requireNonNull(error, "error"),
                Objects.requireNonNull(description, "description"));
    }

    /** Returns the AADSTS number, e.g. {@code 7000222}. */
    public int code() {
        return code;
    }

    /** Returns the HTTP status of the token response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the OAuth {@code error} field, e.g. {@code invalid_client}. */
    public String error() {
        return error;
    }

    /** Returns the description template, without the {@code AADSTSnnnn: } prefix. */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AadError other
                && other.code == code
                && other.httpStatus == httpStatus
                && other.error.equals(error)
                && other.description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, httpStatus, error, description);
    }

    @Override
    public String toString() {
        return "AADSTS" + code + " (" + httpStatus + " " + error + ")";
    }
}
