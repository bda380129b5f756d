package dev.entrasync.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * One test's database: a small pool and a table prefix of its own, so tests on the shared PostgreSQL and
 * MariaDB servers never see each other's tables. {@link #close()} drops the tables and closes the pool.
 */
final class TestDatabase implements AutoCloseable {

    final TestServer server;
    private final String prefix;
    private final HikariDataSource pool;

    TestDatabase(TestServer server) {
        this.server = server;
        this.prefix = "t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36) + "_";
        HikariConfig config = new HikariConfig();
        config.setDriverClassName(server.driver);
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user);
        config.setPassword(server.password);
        config.setMaximumPoolSize(10);
        config.setPoolName("test-" + server.key() + "-" + prefix);
        this.pool = new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    String prefix() {
        return prefix;
    }

    /** A storage builder on this database with this test's prefix. */
    JdbcStorage.Builder storageBuilder() {
        return JdbcStorage.builder(pool).tablePrefix(prefix);
    }

    /** The table's name with this test's prefix. */
    String table(String name) {
        return prefix + name;
    }

    /** Every row of a query, as column → value maps with lower-case column names. */
    List<Map<String, Object>> rows(String sql) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = r.getObject(i);
                    if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) clob.length());
                    } else if (value instanceof java.sql.Blob blob) {
                        value = blob.getBytes(1, (int) blob.length());
                    }
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The number of rows of {@code table} (without prefix) matching {@code where} (may be empty). */
    long count(String table, String where) {
        Object n = rows("SELECT COUNT(*) AS n FROM " + table(table) + (where.isEmpty() ? "" : " WHERE " + where))
                .get(0)
                .get("n");
        return ((Number) n).longValue();
    }

    /**
     * Scans every column of every row of this test's tables for {@code secret} (see {@link SecretScan});
     * returns the number of cells read, failing on the first cell that holds it.
     */
    long assertNoTableContains(String secret) {
        long cells = 0;
        for (String table : tables()) {
            for (Map<String, Object> row : rows("SELECT * FROM " + table)) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    if (SecretScan.contains(cell.getValue(), secret)) {
                        throw new AssertionError("the secret is readable in " + table + "." + cell.getKey());
                    }
                    cells++;
                }
            }
        }
        return cells;
    }

    void execute(String sql) {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The names of this test's tables, lower case. */
    List<String> tables() {
        String schema = switch (server) {
            case H2 -> "SCHEMA()";
            case POSTGRESQL -> "current_schema()";
            case MARIADB -> "DATABASE()";
        };
        return rows("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = " + schema).stream()
                .map(r -> ((String) r.get("t")).toLowerCase(Locale.ROOT))
                .filter(t -> t.startsWith(prefix))
                .sorted()
                .toList();
    }

    private void shutdownH2() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // H2 closes the connection under the statement while shutting down; the database is gone either way.
        }
    }

    @Override
    public void close() {
        try {
            if (server == TestServer.H2) {
                shutdownH2();
            } else {
                for (String table : tables()) {
                    execute("DROP TABLE IF EXISTS " + table + (server == TestServer.POSTGRESQL ? " CASCADE" : ""));
                }
            }
        } finally {
            pool.close();
        }
    }
}
