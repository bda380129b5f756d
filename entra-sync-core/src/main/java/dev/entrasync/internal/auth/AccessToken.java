package dev.entrasync.internal.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An app-only access token and what it grants. {@link #toString()} never shows the token.
 *
 * @param value the bearer token
 * @param expiresAt when it expires
 * @param tenantId the {@code tid} claim (the tenant's GUID), or null when absent
 * @param roles the application permissions in the {@code roles} claim (empty when absent)
 */
public record AccessToken(String value, Instant expiresAt, String tenantId, Set<String> roles) {

    public AccessToken {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "AccessToken[tenant=" + tenantId + ", expiresAt=" + expiresAt + ", roles=" + roles + ", value=****]";
    }
}
