/**
 * The web onboarding host: a small partner portal on an embedded server (Javalin) with server-rendered
 * pages — credentials, "Connect a tenant" through admin consent, discovered tenants (import, map, delete),
 * "Sync now", live jobs and per-company pages for every dataset. Start it with
 * {@link dev.entrasync.examples.web.WebHost#main(String...)}; by default it runs against a simulated cloud.
 */
package dev.entrasync.examples.web;
