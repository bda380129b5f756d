package dev.entrasync;

import java.util.List;

/**
 * Graph answered 403 {@code Authorization_RequestDenied}: the app's token lacks the application
 * permission the request needs. Names that permission; the fix is to add it to the app registration
 * and have the tenant's administrator consent again. Thrown where {@link GraphException} is; the constructor
 * is public so that hosts' tests can construct it to test their error handling.
 */
public final class MissingPermissionException extends GraphException {

    private static final long serialVersionUID = 1L;

    /** The permissions that would allow the request, least privileged first; never empty. */
    private final List<String> permissions;

    /**
     * @param tenant the tenant the request was for, or null when unknown
     * @param permissions the application permissions that would allow the request (least privileged first)
     * @param requestPath the request's path and query
     * @param graphMessage Graph's error message, quoted in this exception's message
     * @throws IndexOutOfBoundsException if {@code permissions} is empty
     * @throws NullPointerException if {@code permissions} is null or holds null
     */
    public MissingPermissionException(
            TenantId tenant, String requestPath, List<String> permissions, String graphMessage) {
        super(
                "Graph refused " + requestPath + " in tenant " + tenant + ": the app lacks the application permission "
                        + String.join(" or ", permissions) + " (Graph said: " + graphMessage + "). Fix: add "
                        + permissions.get(0) + " (Microsoft Graph, Application) to the app registration, then have an "
                        + "administrator of the tenant grant admin consent again.",
                403,
                "Authorization_RequestDenied",
                tenant,
                requestPath,
                false,
                null);
        this.permissions = List.copyOf(permissions);
    }

    /**
     * The permissions that would allow the request, least privileged first; never empty.
     *
     * @return the permission names, such as {@code User.Read.All}, least privileged first; never empty
     */
    public List<String> permissions() {
        return permissions;
    }
}
