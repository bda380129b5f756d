package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import java.net.URI;
import java.time.Instant;

/**
 * An admin-consent link, made by {@link ConsentFlow}: where to send a tenant's administrator (an
 * OpenID Connect sign-in that asks for admin consent), and what its signed {@code state} says. The
 * link works once and until {@link #expiresAt()}. Immutable. The state is signed, not secret, and the
 * link carries only the hash of its PKCE secret, so the link may be shown, mailed or logged.
 *
 * @param uri the full URL to redirect the administrator to
 * @param credentialName the credential being consented
 * @param tenant the tenant the link is for, or null for {@code organizations} (any tenant)
 * @param companyId the host's company the link is for, or null
 * @param expiresAt when the state stops being accepted
 */
public record ConsentUrl(URI uri, String credentialName, TenantId tenant, String companyId, Instant expiresAt) {

    /** The URL as text. */
    @Override
    public String toString() {
        return uri.toString();
    }
}
