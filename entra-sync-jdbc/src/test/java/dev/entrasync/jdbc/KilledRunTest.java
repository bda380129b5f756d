package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.DatasetSink;
import dev.entrasync.SinkContext;
import dev.entrasync.TenantId;
import dev.entrasync.model.EntraUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync run killed halfway — {@code kill -9} of a child JVM while it stages a full run — leaves the live
 * tables exactly as the previous successful run left them, and the next run completes normally.
 */
class KilledRunTest {

    private static final TenantId TENANT = TenantId.of(TestUsers.TENANT_A);
    private static final int USERS = 400;

    @TempDir
    Path dir;

    @DatabaseTest
    void killedRunLeavesTheTablesAsThePreviousRunLeftThem(TestDatabase db) throws Exception {
        String url = db.server == TestServer.H2 ? "jdbc:h2:file:" + dir.resolve("entra") : db.server.jdbcUrl();
        DataSource dataSource = db.server == TestServer.H2 ? h2File(url) : db.dataSource();
        JdbcStorage storage =
                JdbcStorage.builder(dataSource).tablePrefix(db.prefix()).build();
        DatasetSink.Session first = storage.datasetSink().open(new SinkContext(TENANT, Dataset.USERS, "run-1", true));
        first.upsert(TestUsers.users(0, USERS));
        first.complete();
        List<Map<String, Object>> before = liveRows(storage);

        int stagedBatches = runChildAndKillIt(url, db, "run-2");

        JdbcStorage after = JdbcStorage.builder(db.server == TestServer.H2 ? h2File(url) : dataSource)
                .tablePrefix(db.prefix())
                .abandonedSessionsAfter(Duration.ofMillis(1))
                .build();
        assertThat(stagedBatches).isBetween(3, USERS / 50 - 1);
        assertThat(liveRows(after)).isEqualTo(before);
        assertThat(count(after, "users_stage")).isGreaterThanOrEqualTo(150);
        assertThat(count(after, "sink_sessions")).isEqualTo(1);

        DatasetSink.Session third = after.datasetSink().open(new SinkContext(TENANT, Dataset.USERS, "run-3", true));
        third.upsert(TestUsers.users(0, USERS / 2));
        third.complete();

        assertThat(after.queries().count(TENANT, EntraUser.class)).isEqualTo(USERS / 2);
        assertThat(count(after, "users_stage")).isZero();
        assertThat(count(after, "sink_sessions")).isZero();
    }

    /** Starts the child, waits until it staged three batches, kills it with SIGKILL; returns the batches it reported. */
    private static int runChildAndKillIt(String url, TestDatabase db, String runId) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                KillableRunMain.class.getName(),
                url,
                db.server.user,
                db.server.password,
                db.prefix(),
                runId,
                String.valueOf(USERS),
                "50");
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int batches = 0;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("STAGED ")) {
                    batches = Integer.parseInt(line.substring(7));
                    if (batches >= 3) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child exited").isTrue();
        } catch (IOException | RuntimeException e) {
            child.destroyForcibly();
            throw e;
        }
        assertThat(lines).as("child output").isNotEmpty().doesNotContain("COMPLETED");
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return batches;
    }

    private static DataSource h2File(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        return h2;
    }

    private static List<Map<String, Object>> liveRows(JdbcStorage storage) {
        return storage.database().withConnection("snapshot", c -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (var s = c.createStatement();
                    var r = s.executeQuery("SELECT * FROM " + storage.tablePrefix() + "users ORDER BY tenant_id, id")) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = r.getObject(i);
                        row.put(
                                r.getMetaData().getColumnLabel(i),
                                value instanceof java.sql.Clob clob
                                        ? clob.getSubString(1, (int) clob.length())
                                        : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    private static long count(JdbcStorage storage, String table) {
        return storage.database().withConnection("count", c -> {
            try (var s = c.createStatement();
                    var r = s.executeQuery("SELECT COUNT(*) FROM " + storage.tablePrefix() + table)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
