/**
 * entra-sync's stores in the host's relational database: start at {@link dev.entrasync.jdbc.JdbcStorage}.
 *
 * <p>The host owns the {@link javax.sql.DataSource} (its pool, its driver — H2 for the embedded default,
 * PostgreSQL or MariaDB) and the keys that encrypt client secrets at rest; entra-sync-jdbc owns its tables,
 * which all start with a host-chosen prefix and are created and upgraded by versioned migrations.
 * {@code dev.entrasync.jdbc.internal} is not API and may change in any release.
 */
package dev.entrasync.jdbc;
