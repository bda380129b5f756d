package dev.entrasync.jdbc;

import dev.entrasync.EntraSyncException;
import java.sql.SQLException;

/**
 * A database operation of entra-sync-jdbc failed. The message names the operation and the table, and
 * carries the database's SQLState and message; the cause is the driver's {@link SQLException}.
 * Messages never contain a client secret (secrets reach the database only encrypted).
 *
 * <p>{@link #isTransient()} is true for a lost connection (SQLState class {@code 08}) or a rolled-back
 * transaction such as a deadlock or serialization failure (class {@code 40}): trying again can succeed.
 */
public final class JdbcStoreException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    /** The SQLState of the failure; null when the driver gave none. */
    private final String sqlState;

    /**
     * @param operation what was being done, e.g. {@code "completing the users session of tenant …"}
     * @param cause the driver's exception
     */
    public JdbcStoreException(String operation, SQLException cause) {
        super(operation + " failed: " + describe(cause) + hint(cause), cause);
        this.sqlState = cause.getSQLState();
    }

    /**
     * The SQLState of the failure, or null when the driver gave none.
     *
     * @return the SQLState, such as {@code 08006}; null when the driver gave none
     */
    public String sqlState() {
        return sqlState;
    }

    @Override
    public boolean isTransient() {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("40"));
    }

    private static String describe(SQLException e) {
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + e.getMessage();
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return "";
        }
        if (state.startsWith("08")) {
            return " (the database connection failed; check that the database is up and reachable — the next sync retries)";
        }
        if (state.equals("42P01") || state.equals("42S02") || state.equals("42102")) {
            return " (a table is missing: the entra-sync schema was not migrated for this table prefix;"
                    + " build JdbcStorage with migrate(true) or apply the migrations)";
        }
        return "";
    }
}
