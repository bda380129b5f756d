package dev.entrasync.examples.cli;

import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.examples.support.HostDatabase;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or a plain {@code kill}) during a command that syncs: a shutdown hook stops the sync engine (the
 * running datasets' sink sessions are aborted, its jobs end CANCELLED), then closes the database, in that
 * order, and prints one line. The command's own thread stops where it is once the hook has begun (the JVM
 * exits when the hook ends), so nothing else is printed. Install it before the database opens; hand it the
 * engine and the database as they come.
 */
final class StopOnSignal implements AutoCloseable {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private final PrintStream err;
    private final Thread hook;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile SyncEngine engine;
    private volatile HostDatabase database;
    private volatile AutoCloseable bars;

    private StopOnSignal(PrintStream err) {
        this.err = err;
        this.hook = new Thread(this::stop, "entra-sync-stop");
    }

    /** Registers the shutdown hook. */
    static StopOnSignal install(PrintStream err) {
        StopOnSignal stop = new StopOnSignal(err);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Whether a signal is stopping this process: a command then says nothing more. */
    static boolean stopping() {
        return STOPPING.get();
    }

    /** The database to close last (replacing one closed already). */
    void database(HostDatabase db) {
        this.database = db;
    }

    /** The engine to close first, and the progress bars to take down before the message. */
    void engine(SyncEngine syncEngine, Object progress) {
        this.engine = syncEngine;
        this.bars = progress instanceof AutoCloseable closeable ? closeable : null;
    }

    private void stop() {
        if (done.get()) {
            return;
        }
        STOPPING.set(true);
        SyncEngine running = engine;
        HostDatabase db = database;
        int cancelled = 0;
        try {
            List<SyncJob> active = running == null || db == null
                    ? List.of()
                    : db.storage().jobStore().active();
            if (running != null) {
                running.close();
                cancelled = active.size();
            }
        } catch (RuntimeException e) {
            err.println("Interrupted; stopping the sync failed: " + e.getMessage());
        }
        try {
            AutoCloseable drawn = bars;
            if (drawn != null) {
                drawn.close();
            }
        } catch (Exception ignored) {
            // the bars only draw; the message below says what happened
        }
        if (db != null) {
            db.close();
        }
        err.println(
                cancelled == 0
                        ? "Interrupted; nothing was syncing. The database is closed."
                        : "Interrupted: cancelled " + cancelled + " running sync job(s); what they had not finished"
                                + " was discarded. Run the command again to sync.");
        err.flush();
    }

    /**
     * The command is done: the hook is removed. When a signal is stopping the process, the calling thread waits
     * here for the JVM to exit, so it neither closes what the hook is closing nor prints a summary.
     */
    @Override
    public void close() {
        if (STOPPING.get()) {
            parkUntilExit();
        }
        done.set(true);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            parkUntilExit();
        }
    }

    static void parkUntilExit() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // the JVM exits when the shutdown hook ends
            }
        }
    }
}
