package dev.entrasync.jdbc.internal;

import dev.entrasync.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The host's database as entra-sync-jdbc uses it: the {@link DataSource}, its {@link Dialect}, the table
 * prefix and the clock, with helpers that run work on a connection and turn {@link SQLException}s into
 * {@link JdbcStoreException}s naming the operation. Thread-safe.
 */
public final class Database {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String prefix;
    private final Clock clock;
    private final ConcurrentHashMap<String, String> statements = new ConcurrentHashMap<>();

    public Database(DataSource dataSource, Dialect dialect, String prefix, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String prefix() {
        return prefix;
    }

    /** The table's name with the host's prefix, e.g. {@code entra_users}. */
    public String table(String name) {
        return prefix + name;
    }

    /** Now, to the microsecond every supported database keeps. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The statement in {@code dev/entrasync/jdbc/<owner's simple name>/<name>.sql} with {@code ${prefix}}
     * replaced by the table prefix. Cached.
     */
    public String sql(Class<?> owner, String name) {
        String path = "/dev/entrasync/jdbc/" + owner.getSimpleName() + "/" + name + ".sql";
        return statements.computeIfAbsent(path, p -> {
            try (InputStream in = Database.class.getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("missing SQL resource " + p);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("${prefix}", prefix)
                        .strip();
            } catch (IOException e) {
                throw new UncheckedIOException("reading SQL resource " + p, e);
            }
        });
    }

    /** Reads one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Runs a named-parameter update on {@code connection}; returns the row count. */
    public int update(Connection connection, NamedSql sql, Map<String, ?> params) throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection, dialect, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs a named-parameter query on {@code connection} and maps every row. */
    public <T> List<T> query(Connection connection, NamedSql sql, Map<String, ?> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = sql.prepare(connection, dialect, params);
                ResultSet rows = statement.executeQuery()) {
            Row row = new Row(rows, dialect);
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(row));
            }
            return result;
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T withConnection(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException(operation, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. A
     * transaction the database rolled back to break a deadlock or a serialization conflict (SQLState class
     * {@code 40}) is run again, up to {@value #ATTEMPTS} times in all, so {@code work} must touch nothing
     * but the database. On MariaDB the transaction is READ COMMITTED, as it is by default on PostgreSQL and
     * H2: InnoDB's default REPEATABLE READ takes gap locks that make concurrent syncs deadlock.
     */
    public <T> T inTransaction(String operation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction(work);
            } catch (SQLException e) {
                boolean rolledBack = e.getSQLState() != null && e.getSQLState().startsWith("40");
                if (!rolledBack || attempt == ATTEMPTS) {
                    throw new JdbcStoreException(operation, e);
                }
            }
        }
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            if (dialect == Dialect.MARIADB && isolation != Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                if (connection.getTransactionIsolation() != isolation) {
                    connection.setTransactionIsolation(isolation);
                }
            }
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
