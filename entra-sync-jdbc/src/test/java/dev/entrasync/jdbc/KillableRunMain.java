package dev.entrasync.jdbc;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import java.util.List;
import java.util.stream.IntStream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The child process of {@link KilledRunTest}: opens a full users run that renames everyone, stages batch
 * after batch, printing {@code STAGED <batches>} after each, and is killed by the test before it completes.
 * If nobody kills it, it completes the run and prints {@code COMPLETED}.
 *
 * <p>Arguments: JDBC URL, user, password, table prefix, run id, users, batch size.
 */
public final class KillableRunMain {

    private KillableRunMain() {}

    public static void main(String... args) throws Exception {
        String url = args[0];
        javax.sql.DataSource dataSource;
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            dataSource = h2;
        } else {
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername(args[1]);
            pool.setPassword(args[2]);
            pool.setMaximumPoolSize(2);
            dataSource = pool;
        }
        JdbcStorage storage =
                JdbcStorage.builder(dataSource).tablePrefix(args[3]).build();
        int users = Integer.parseInt(args[5]);
        int batch = Integer.parseInt(args[6]);
        DatasetSink.Session session = storage.datasetSink()
                .open(new SinkContext(TenantId.of(TestUsers.TENANT_A), Dataset.USERS, args[4], true));
        int batches = 0;
        for (int from = 0; from < users; from += batch) {
            List<dev.entrasync.model.EntraUser> renamed = IntStream.range(from, Math.min(users, from + batch))
                    .mapToObj(i -> TestUsers.user(i, "Renamed by " + args[4]))
                    .toList();
            session.upsert(renamed);
            System.out.println("STAGED " + ++batches);
            System.out.flush();
            Thread.sleep(100);
        }
        session.complete();
        System.out.println("COMPLETED");
    }
}
