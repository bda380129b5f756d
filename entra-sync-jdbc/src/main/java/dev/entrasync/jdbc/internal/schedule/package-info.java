/** Not API: the db-scheduler task data behind {@code JdbcClusterScheduler}. */
package dev.entrasync.jdbc.internal.schedule;
