/** Not API: the db-scheduler tasks behind {@code JdbcClusterScheduler}. */
package dev.entrasync.jdbc.internal.schedule;
