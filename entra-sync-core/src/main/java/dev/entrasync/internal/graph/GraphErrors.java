package dev.entrasync.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entrasync.DatasetRequirements;
import dev.entrasync.GraphException;
import dev.entrasync.LicenseRequiredException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.internal.auth.TenantIds;
import java.io.IOException;

/** Turns a Graph error response into the typed exception a person can act on. */
final class GraphErrors {

    static final String NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";
    /**
     * Intune's refusal for a missing permission: 403 {@code Forbidden} whose message (itself JSON text) says
     * "Application is not authorized to perform this operation. Application must have one of the following scopes:
     * ..." — not Entra's {@code Authorization_RequestDenied}.
     */
    static final String INTUNE_NOT_AUTHORIZED = "Application is not authorized to perform this operation";
    /**
     * Intune's answer for a tenant without Intune: 400 {@code BadRequest} "Request not applicable to target tenant."
     * (Microsoft365DSC reads it as "The current tenant is not registered for Intune").
     */
    static final String INTUNE_NOT_APPLICABLE = "Request not applicable to target tenant";

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphErrors() {}

    /** Graph's {@code error.code} and {@code error.message}, tolerant of any body. */
    record Body(String code, String message) {
        static Body parse(String body) {
            if (body == null || body.isBlank()) {
                return new Body(null, "");
            }
            try {
                JsonNode error = JSON.readTree(body).path("error");
                String code =
                        error.path("code").isTextual() ? error.path("code").asText() : null;
                return new Body(code, error.path("message").asText(""));
            } catch (IOException e) {
                return new Body(null, body.length() > 200 ? body.substring(0, 200) + "…" : body);
            }
        }
    }

    private static String stripPeriod(String text) {
        String t = text.trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /**
     * A {@code $batch} item's body that cannot be ours (the same answer a malformed page gets from
     * {@link ResponseClassifier}): not sent again, the dataset stops and keeps nothing of this run.
     *
     * @param path the item's request, e.g. {@code /v1.0/identity/conditionalAccess/policies?$select=...}
     * @param what what was wrong, e.g. "a conditionalAccessPolicy without an id"
     */
    static GraphException malformed(String tenant, String path, String what) {
        return new GraphException(
                "Graph answered " + path + " in tenant " + tenant + " with a malformed page that cannot be ours: "
                        + what + ". The answer arrived whole, so it was not sent again; the dataset was stopped and"
                        + " nothing from this run of it was kept. The next run tries again; if it fails the same way,"
                        + " report it with this message.",
                200,
                null,
                TenantIds.orNull(tenant),
                path,
                true,
                null);
    }

    static GraphException of(int status, Body body, String tenant, GraphRequest request) {
        String path = request.describe();
        if (status == 403
                && "Authorization_RequestDenied".equals(body.code())
                && !request.permissions().isEmpty()) {
            return new MissingPermissionException(
                    TenantIds.orNull(tenant), path, request.permissions(), body.message());
        }
        if (status == 403
                && body.message().contains(INTUNE_NOT_AUTHORIZED)
                && !request.permissions().isEmpty()) {
            return new MissingPermissionException(
                    TenantIds.orNull(tenant), path, request.permissions(), body.message());
        }
        if (status == 400 && body.message().contains(INTUNE_NOT_APPLICABLE) && path.contains("/deviceManagement/")) {
            return new LicenseRequiredException(
                    TenantIds.orNull(tenant),
                    path,
                    DatasetRequirements.MICROSOFT_INTUNE,
                    status,
                    body.code(),
                    body.message());
        }
        if (status == 403 && NON_PREMIUM.equals(body.code())) {
            return new LicenseRequiredException(
                    TenantIds.orNull(tenant), path, "Microsoft Entra ID P1", body.message());
        }
        String advice = switch (status) {
            case 400 ->
                "The request was rejected as invalid; this is a bug in entra-sync or an unsupported tenant feature — report it with this message.";
            case 401 ->
                "The token was not accepted; check the credential's cloud matches the tenant's, and that consent was not revoked.";
            case 403 -> "Access denied; check the app's permissions and the tenant's licences, then re-consent.";
            case 404 -> "Not found; the object or the endpoint does not exist in this tenant or cloud.";
            default -> "Graph failed; entra-sync gave up on this request.";
        };
        String message = "Graph answered " + status + (body.code() == null ? "" : " " + body.code()) + " for " + path
                + " in tenant " + tenant + (body.message().isEmpty() ? "" : ": " + stripPeriod(body.message())) + ". "
                + advice;
        boolean transientFailure = status == 429 || status >= 500;
        return new GraphException(message, status, body.code(), TenantIds.orNull(tenant), path, transientFailure, null);
    }
}
