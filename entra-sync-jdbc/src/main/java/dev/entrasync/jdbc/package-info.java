/**
 * entra-sync's stores in the host's relational database — H2 (the embedded default), PostgreSQL or
 * MariaDB — from one {@link javax.sql.DataSource}. Start at {@link dev.entrasync.jdbc.JdbcStorage}:
 *
 * <ul>
 *   <li>{@link dev.entrasync.jdbc.JdbcStorage#datasetSink()}: a table per dataset, staged sessions, soft
 *       deletes ({@link dev.entrasync.jdbc.JdbcDatasetSink});</li>
 *   <li>{@link dev.entrasync.jdbc.JdbcStorage#credentialStore(dev.entrasync.jdbc.SecretKeyRing)}: client
 *       secrets encrypted at rest under the host's keys;</li>
 *   <li>{@link dev.entrasync.jdbc.JdbcStorage#tenantMapper()}, {@link dev.entrasync.jdbc.JdbcStorage#consentStore()},
 *       {@link dev.entrasync.jdbc.JdbcStorage#checkpointStore()}, {@link dev.entrasync.jdbc.JdbcStorage#jobStore()};</li>
 *   <li>{@link dev.entrasync.jdbc.JdbcClusterScheduler}: several host instances sharing the database sync
 *       each tenant once per interval;</li>
 *   <li>{@link dev.entrasync.jdbc.JdbcStorage#queries()}: the tables read back as records for the host's screens.</li>
 * </ul>
 *
 * <p>The host owns the {@code DataSource} (its pool and driver) and the keys that encrypt client secrets;
 * entra-sync-jdbc owns its tables, which all start with a host-chosen prefix and are created and upgraded
 * by versioned Flyway migrations. {@code dev.entrasync.jdbc.internal} is not API and may change in any
 * release.
 */
package dev.entrasync.jdbc;
