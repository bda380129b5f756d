package dev.entrasync.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulated cloud with one tenant that consented to a registered app, synced by the CLI's {@code sync} (in its own
 * process) into an H2 file database in a test's directory: the fixture of the tests of commands that read that
 * database ({@link FindingsCommandTest}, {@link ChangesCommandTest}, {@link ShowExportTest}). One per test class,
 * started before its tests and closed after them; not thread-safe.
 */
final class CliSyncFixture implements AutoCloseable {

    private static final String CLIENT_ID = "7c6d5e4f-3a21-4c1b-8e9f-8a7b6c5d4e3f";
    private static final String SECRET = "cli-sync-fixture-secret-0123456789";

    private final Path dir;
    private final String datasets;
    private final SimulatedCloud cloud;
    private final SimulatedTenant tenant;

    private CliSyncFixture(Path dir, SimulatedTenant tenant, String datasets) {
        this.dir = dir;
        this.datasets = datasets;
        this.cloud = SimulatedCloud.start();
        SimulatedApp app = cloud.registerApp(CLIENT_ID, SECRET);
        this.tenant = cloud.addTenant(tenant);
        this.tenant.consent(app, Permissions.allRead());
    }

    /**
     * Starts a simulated cloud with {@code tenant}, consented to the app with every read permission; nothing synced
     * yet (a test may change the tenant first, then {@link #sync()}).
     *
     * @param dir the test's directory: the database and the key file go there
     * @param tenant the tenant, such as {@code ContosoFixture.build()}
     * @param datasets the {@code --datasets} of each sync, such as {@code "users,roles"}
     */
    static CliSyncFixture start(Path dir, SimulatedTenant tenant, String datasets) {
        return new CliSyncFixture(dir, tenant, datasets);
    }

    /** The tenant as added to the simulated cloud. */
    SimulatedTenant tenant() {
        return tenant;
    }

    /** The JDBC URL of the database the CLI syncs into. */
    String db() {
        return "jdbc:h2:" + dir.resolve("entra-sync");
    }

    /** Syncs the tenant into {@link #db()} with the CLI and asserts that it succeeded. */
    void sync() {
        CliRunner.Run sync = syncInto(db());
        assertThat(sync.exit()).as(sync.out() + sync.err()).isZero();
    }

    /** Syncs the tenant into {@code db} (such as a {@link #copyOfDb copy}) with the CLI, with the same key file. */
    CliRunner.Run syncInto(String db) {
        return CliRunner.syncSimulated(
                cloud, CLIENT_ID, SECRET, db, dir.resolve("key"), "--tenant", tenant.id(), "--datasets", datasets);
    }

    /** A copy of the synced database in {@code into}, so that a test changing it leaves the other tests' alone. */
    String copyOfDb(Path into) throws IOException {
        Files.copy(dir.resolve("entra-sync.mv.db"), into.resolve("entra-sync.mv.db"));
        return "jdbc:h2:" + into.resolve("entra-sync");
    }

    /** Stops the simulated cloud. */
    @Override
    public void close() {
        cloud.close();
    }
}
