/** Not API: the SQL dialects, migrations, table definitions and staged sessions behind entra-sync-jdbc. */
package dev.entrasync.jdbc.internal;
