package dev.entrasync.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app registration ({@code /applications}) or a service principal ({@code /servicePrincipals}) of the tenant, with
 * its secrets' and certificates' metadata and, for a service principal, the Microsoft Graph application permissions
 * granted to it (its app role assignments on the tenant's Microsoft Graph service principal, by permission name).
 * Both kinds are in the one dataset, told apart by {@link #kind()}; an app registration and its service principal
 * share the {@link #appId()}.
 *
 * @param id the object id (unique within the tenant)
 * @param kind {@link Kind#APPLICATION} or {@link Kind#SERVICE_PRINCIPAL}
 * @param appId the application (client) id, or null
 * @param displayName the name, or null
 * @param createdDateTime when an app registration was created; null for a service principal (Graph v1.0 has no such
 *     property on it)
 * @param signInAudience an app registration's audience, e.g. {@code AzureADMyOrg}, {@code AzureADMultipleOrgs}; for a
 *     service principal as Graph reports it, or null
 * @param servicePrincipalType a service principal's type: {@code Application}, {@code ManagedIdentity},
 *     {@code Legacy}, {@code SocialIdp}; null for an app registration
 * @param accountEnabled whether a service principal can sign in; null for an app registration
 * @param appOwnerOrganizationId the tenant id where the application is registered (another tenant's id for a
 *     multi-tenant app such as Microsoft's own); null for an app registration or when not said
 * @param credentials its secrets and certificates, soonest expiry first
 * @param graphPermissions the Microsoft Graph application permissions granted to a service principal, e.g.
 *     {@code User.Read.All}, sorted; an app role id Microsoft Graph no longer lists appears as its id. Empty for an
 *     app registration (what it requests is not what was granted)
 */
public record EntraApplication(
        String id,
        Kind kind,
        String appId,
        String displayName,
        Instant createdDateTime,
        String signInAudience,
        String servicePrincipalType,
        Boolean accountEnabled,
        String appOwnerOrganizationId,
        List<ApplicationCredential> credentials,
        List<String> graphPermissions)
        implements EntraRecord {

    /** App registration or service principal. */
    public enum Kind {
        /** An app registration ({@code /applications}). */
        APPLICATION,
        /** A service principal, an application's instance in this tenant ({@code /servicePrincipals}). */
        SERVICE_PRINCIPAL
    }

    /**
     * Validates the components and copies the lists into unmodifiable ones (credentials soonest expiry first,
     * permissions sorted), null read as empty.
     *
     * @param id the object id; never null
     * @param kind application or service principal; never null
     * @param appId the application (client) id; may be null
     * @param displayName the name; may be null
     * @param createdDateTime when an app registration was created; may be null
     * @param signInAudience the sign-in audience; may be null
     * @param servicePrincipalType a service principal's type; may be null
     * @param accountEnabled whether a service principal can sign in; may be null
     * @param appOwnerOrganizationId the tenant where the application is registered; may be null
     * @param credentials its secrets and certificates; null is read as empty
     * @param graphPermissions the granted Microsoft Graph application permissions; null is read as empty
     * @throws NullPointerException if {@code id} or {@code kind} is null
     */
    public EntraApplication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        credentials = credentials == null
                ? List.of()
                : credentials.stream()
                        .sorted(Comparator.comparing(
                                ApplicationCredential::endDateTime, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList();
        graphPermissions = graphPermissions == null
                ? List.of()
                : graphPermissions.stream().sorted().toList();
    }

    /**
     * The credential that expires first, if any has an expiry: what an expiry report shows.
     *
     * @return the credential with the earliest {@link ApplicationCredential#endDateTime()}; empty when none has one
     */
    public Optional<ApplicationCredential> nextExpiring() {
        return credentials.stream().filter(c -> c.endDateTime() != null).findFirst();
    }
}
