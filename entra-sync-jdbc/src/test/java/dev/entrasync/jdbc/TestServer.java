package dev.entrasync.jdbc;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The databases the contract tests run on: H2 in memory always; the PostgreSQL and MariaDB servers of
 * every development and CI machine whenever they answer. With {@code CI=true} a server that does not
 * answer fails the tests instead of skipping them.
 */
enum TestServer {
    H2("org.h2.Driver", null, "", ""),
    POSTGRESQL("org.postgresql.Driver", "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3", "postgres", ""),
    MARIADB(
            "org.mariadb.jdbc.Driver",
            "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000&sslMode=disable",
            "root",
            "");

    private static final ConcurrentHashMap<TestServer, Optional<String>> PROBES = new ConcurrentHashMap<>();

    final String driver;
    private final String url;
    final String user;
    final String password;

    TestServer(String driver, String url, String user, String password) {
        this.driver = driver;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A JDBC URL: a fresh in-memory database for H2, the shared {@code test} database for the servers
     * (overridable with the system property {@code entrasync.test.<server>.url}).
     */
    String jdbcUrl() {
        return url != null
                ? System.getProperty("entrasync.test." + key() + ".url", url)
                : "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Why the server does not answer, or empty when it does. Probed once per JVM. */
    Optional<String> unavailableReason() {
        if (url == null) {
            return Optional.empty();
        }
        return PROBES.computeIfAbsent(this, s -> {
            String target = jdbcUrl();
            try {
                DriverManager.getConnection(target, user, password).close();
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of(name() + " at " + target + " (user " + user + ") did not answer: " + e.getMessage());
            }
        });
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
