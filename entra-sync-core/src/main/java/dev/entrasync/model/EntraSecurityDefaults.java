package dev.entrasync.model;

import java.util.Objects;

/**
 * The tenant's security defaults (Microsoft's preconfigured protections, MFA registration and MFA for administrators
 * among them), from Graph {@code /policies/identitySecurityDefaultsEnforcementPolicy}. Delivered in the Conditional
 * Access dataset beside the {@link EntraConditionalAccessPolicy} records, one per tenant, with or without Entra ID P1.
 *
 * @param id the policy's id (Graph's, e.g. {@code 00000000-0000-0000-0000-000000000005})
 * @param displayName e.g. {@code Security Defaults}, or null
 * @param enabled whether security defaults are on ({@code isEnabled}), or null when Graph did not say
 */
public record EntraSecurityDefaults(String id, String displayName, Boolean enabled) implements EntraRecord {

    /**
     * Validates the components.
     *
     * @param id the policy's id; never null
     * @param displayName the policy's name; may be null
     * @param enabled whether security defaults are on; null when Graph did not say
     * @throws NullPointerException if {@code id} is null
     */
    public EntraSecurityDefaults {
        Objects.requireNonNull(id, "id");
    }

    /**
     * Whether security defaults are known to be on.
     *
     * @return true only when {@link #enabled()} is {@code true}
     */
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
