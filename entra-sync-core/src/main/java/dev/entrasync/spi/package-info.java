/**
 * Extension points other modules implement: a cluster-aware {@link dev.entrasync.spi.SyncScheduler}
 * (see {@code entra-sync-jdbc}). Hosts normally do not implement these themselves.
 */
package dev.entrasync.spi;
