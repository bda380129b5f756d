/**
 * Onboarding: everything a partner does before the first sync. Build one {@link Onboarding} per
 * host from its {@link dev.entrasync.runtime.EntraSync} runtime ({@code entra.onboarding()}) and share it;
 * it gives the {@link ConsentFlow} (admin-consent links and their redirects),
 * {@link TenantDiscovery} (which tenants a credential reaches), {@link Preflight} (a cheap check of
 * one mapping) and {@link SecretLifecycle} (expiry warnings and rotation). {@link TenantImport} pairs
 * discovered tenants with new host companies in the {@link dev.entrasync.TenantMapper};
 * {@link PermissionManifest} writes the app registration's {@code requiredResourceAccess} block.
 *
 * <p>The host owns the stores ({@link ConsentStore}, {@link dev.entrasync.TenantMapper}, the
 * {@link dev.entrasync.CredentialStore}) and the key that signs consent links. Incubating: this API
 * may change before 1.0.
 */
package dev.entrasync.onboarding;
