/**
 * The web onboarding host: a small partner portal on an embedded server (Javalin) with server-rendered
 * pages — credentials, "Connect a tenant" through admin consent, discovered tenants (import, map, delete),
 * "Sync now", live jobs, per-company pages for every dataset, and findings per company with a fleet overview.
 * Start it with
 * {@link dev.entrasync.examples.web.WebHost#main(String...)}; by default it runs against a simulated cloud.
 * Administrators log in (password from {@code ENTRA_SYNC_PORTAL_PASSWORD}); every form carries a CSRF token,
 * every POST must come from the portal's own origin, other Host names are refused, and consents are verified
 * off the request threads ({@code PortalSecurity}, {@code ConsentChecks}).
 */
package dev.entrasync.examples.web;
