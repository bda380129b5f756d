package dev.entrasync.jdbc.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.JdbcStorage;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Measures how fast {@code JdbcDatasetSink} takes users: a first full run of N generated users into empty
 * tables (staged with the dialect's batched upsert, 999 per batch as Graph pages them, then merged into the
 * live table on complete), then a second full run of the same users (every row updated), then a third with 1% of
 * the users changed (the change feed's cost: complete() compares before and after), then one evaluation of the
 * findings rules over users and roles. Prints rows per second per database. Not a test: run it by hand (see BENCHMARKS.md).
 *
 * <p>Arguments: {@code [users] [h2|postgresql|postgresql-rewrite|mariadb|mariadb-bulk ...]}; default 50000
 * and all. The {@code -rewrite} and {@code -bulk} variants turn on the drivers' batch rewriting
 * ({@code reWriteBatchedInserts}, {@code useBulkStmts}).
 */
public final class UpsertBenchmark {

    private static final int PAGE = 999;
    private static final TenantId TENANT = TenantId.of("0f2c6a10-0000-4000-8000-0000000000be");

    private UpsertBenchmark() {}

    public static void main(String... args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<String> databases = args.length > 1
                ? List.of(args).subList(1, args.length)
                : List.of("h2", "postgresql", "postgresql-rewrite", "mariadb", "mariadb-bulk");
        List<EntraUser> generated = generate(users);
        System.out.printf(
                Locale.ROOT,
                "%-20s %8s %14s %12s %14s %14s %20s %10s%n",
                "database",
                "users",
                "stage rows/s",
                "complete s",
                "1st run rows/s",
                "2nd run rows/s",
                "3rd run: changes in",
                "findings s");
        for (String database : databases) {
            try (HikariDataSource pool = pool(database)) {
                String prefix = "bench" + Long.toString(System.nanoTime() % 1_000_000, 36) + "_";
                JdbcStorage storage =
                        JdbcStorage.builder(pool).tablePrefix(prefix).build();
                try {
                    run(storage, "warm-up", generated.subList(0, Math.min(users, 5 * PAGE)));
                    storage.dataPurger()
                            .purge(new dev.entrasync.TenantMapping(
                                    "bench", TENANT, "bench", null, null, java.util.Set.of(Dataset.USERS), false));
                    long[] first = run(storage, "run-1", generated);
                    long[] second = run(storage, "run-2", generated);
                    List<EntraUser> changed = disableEveryHundredth(generated);
                    long[] third = run(storage, "run-3", changed);
                    long findingsStart = System.nanoTime();
                    storage.findings().evaluate(TENANT, EnumSet.of(Dataset.USERS, Dataset.ROLES));
                    long findings = System.nanoTime() - findingsStart;
                    System.out.printf(
                            Locale.ROOT,
                            "%-20s %8d %14.0f %12.2f %14.0f %14.0f %9d in %7.2fs %10.2f%n",
                            database,
                            users,
                            users / seconds(first[0]),
                            seconds(first[1]),
                            users / seconds(first[0] + first[1]),
                            users / seconds(second[0] + second[1]),
                            third[2],
                            seconds(third[0] + third[1]),
                            seconds(findings));
                } finally {
                    drop(pool, prefix);
                }
            }
        }
    }

    /** Returns {staging nanos, complete nanos, changes} (complete computes the change feed: before vs after). */
    private static long[] run(JdbcStorage storage, String runId, List<EntraUser> users) {
        DatasetSink.Session session = storage.datasetSink().open(new SinkContext(TENANT, Dataset.USERS, runId, true));
        long start = System.nanoTime();
        for (int from = 0; from < users.size(); from += PAGE) {
            session.upsert(users.subList(from, Math.min(users.size(), from + PAGE)));
        }
        long staged = System.nanoTime();
        session.complete();
        long completed = System.nanoTime();
        return new long[] {staged - start, completed - staged, session.changes().size()};
    }

    /** The same users with every hundredth one's account enabled flag flipped: 1% changed, one field each. */
    private static List<EntraUser> disableEveryHundredth(List<EntraUser> users) {
        List<EntraUser> out = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            EntraUser u = users.get(i);
            out.add(
                    i % 100 != 0
                            ? u
                            : new EntraUser(
                                    u.id(),
                                    u.userPrincipalName(),
                                    u.displayName(),
                                    !Boolean.TRUE.equals(u.accountEnabled()),
                                    u.userType(),
                                    u.createdDateTime(),
                                    u.lastPasswordChangeDateTime(),
                                    u.otherMails(),
                                    u.passwordPolicies(),
                                    u.assignedLicenses(),
                                    u.directoryRoles(),
                                    u.mfa()));
        }
        return out;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static List<EntraUser> generate(int count) {
        List<EntraUser> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(new EntraUser(
                    String.format("5e1a0000-0000-4000-8000-%012d", i),
                    "user" + i + "@contoso.com",
                    "User " + i,
                    i % 9 != 0,
                    i % 20 == 0 ? "Guest" : "Member",
                    Instant.parse("2024-01-01T00:00:00Z"),
                    Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i),
                    List.of("user" + i + "@example.com"),
                    null,
                    List.of(new AssignedLicense("c7df2760-2c81-4ef7-b578-5b5392b571df", "Office 365 E5")),
                    i % 50 == 0 ? List.of("Global Administrator") : List.of(),
                    new MfaStatus(
                            i % 3 == 0 ? MfaStatus.State.NOT_REGISTERED : MfaStatus.State.REGISTERED,
                            i % 3 != 0,
                            i % 3 == 0 ? List.of() : List.of("microsoftAuthenticatorPush"),
                            null)));
        }
        return users;
    }

    private static HikariDataSource pool(String database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setMaximumPoolSize(4);
        switch (database) {
            case "h2" -> pool.setJdbcUrl("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
            case "postgresql", "postgresql-rewrite" -> {
                pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test"
                        + (database.endsWith("rewrite") ? "?reWriteBatchedInserts=true" : ""));
                pool.setUsername("postgres");
            }
            case "mariadb", "mariadb-bulk" -> {
                pool.setJdbcUrl("jdbc:mariadb://127.0.0.1:3306/test?sslMode=disable"
                        + (database.endsWith("bulk") ? "&useBulkStmts=true" : ""));
                pool.setUsername("root");
            }
            default ->
                throw new IllegalArgumentException("unknown database " + database
                        + "; use h2, postgresql, postgresql-rewrite, mariadb or mariadb-bulk");
        }
        return pool;
    }

    private static void drop(HikariDataSource pool, String prefix) throws Exception {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                while (r.next()) {
                    String name = r.getString("TABLE_NAME");
                    if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + table.toLowerCase(Locale.ROOT));
            }
        }
    }
}
