/**
 * entra-sync: sync Microsoft Entra ID data from many tenants into a host's storage. Start at
 * {@code EntraSync}, the host's one runtime, and obtain the {@link dev.entrasync.SyncEngine}
 * from it.
 */
package dev.entrasync;
