package dev.entrasync.jdbc;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.Dialect;
import dev.entrasync.jdbc.internal.schedule.ClusterTasks;
import dev.entrasync.spi.SyncScheduler;
import dev.entrasync.spi.SyncTasks;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SyncScheduler} for several host instances sharing one database: each tenant is synced once per
 * interval by exactly one instance, a dead instance's work is picked up by another, and "Sync now" from any
 * instance runs on whichever instance is free first. Built on
 * <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a> and its {@code scheduled_tasks}
 * table (created under the storage's prefix) — no lock table of our own.
 *
 * <pre>{@code
 * EntraSync entra = EntraSync.builder().credentials(storage.credentialStore(keys)).build();
 * SyncEngine engine = storage.engine(entra)
 *         .scheduler(JdbcClusterScheduler.builder(storage).build())
 *         .build();
 * engine.start();
 * }</pre>
 *
 * <h2>How it works</h2>
 * Every mapped tenant has one row in {@code scheduled_tasks}, due at the engine's slot for it
 * ({@link SyncTasks#nextRun}); an instance claims a due row with an optimistic update, runs the tenant's
 * scheduled sync on its own thread, then moves the row to the next slot. Jobs the engine queues (Sync now,
 * recovery) get a one-time row that the first free instance runs. A claimed row's heartbeat is refreshed
 * while it runs; when it stops for six {@link Builder#heartbeatInterval heartbeat intervals} the instance is
 * taken as dead and another one runs the row again (the engine turns a job left running into a recovery
 * job). A housekeeping row, run by one instance at a time, calls the engine's {@link SyncTasks#tick()} and
 * adds and removes tenant rows as mappings change; {@link #start()} does the same once at once. What the
 * engine skips — paused, excluded and blocked tenants — and each tenant's own interval are read from the
 * tenant mappings in the shared database at each run, so every instance keeps to the controls any
 * instance set.
 *
 * <p>A scheduled sync and a Sync now of the same tenant may run at the same time on two instances; the sink
 * and checkpoint contracts keep the data consistent, at the cost of the duplicate Graph requests.
 *
 * <p>Thread-safe. Build one per engine (so one per host instance) and give it to that engine's builder;
 * the engine starts and closes it.
 */
public final class JdbcClusterScheduler implements SyncScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcClusterScheduler.class);

    private final Scheduler scheduler;
    private final ClusterTasks clusterTasks;
    private final Clock clock;
    private final String instanceName;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SyncTasks tasks;

    private JdbcClusterScheduler(Builder b) {
        this.clock = b.clock;
        this.instanceName = b.instanceName;
        this.clusterTasks = new ClusterTasks(this::attached, this::reconcile, b.housekeepingInterval, closed::get);
        Database db = b.storage.database();
        SchedulerBuilder builder = Scheduler.create(db.dataSource(), clusterTasks.tenant, clusterTasks.job)
                .startTasks(clusterTasks.housekeeping)
                .tableName(db.table("scheduled_tasks"))
                .schedulerName(new SchedulerName.Fixed(b.instanceName))
                .threads(b.threads)
                .pollingInterval(b.pollingInterval)
                .heartbeatInterval(b.heartbeatInterval)
                .shutdownMaxWait(b.shutdownMaxWait)
                .clock(b.clock::instant)
                .enableImmediateExecution();
        // MariaDB's DATETIME has no zone, so db-scheduler must write UTC; H2 keeps zones, as PostgreSQL does.
        if (db.dialect() == Dialect.MARIADB) {
            builder.alwaysPersistTimestampInUTC();
        } else if (db.dialect() == Dialect.H2) {
            builder.jdbcCustomization(new DefaultJdbcCustomization(false));
        }
        this.scheduler = builder.build();
    }

    /**
     * A builder for an instance over the storage's database (and prefix).
     *
     * @param storage the storage whose database (and table prefix) holds the schedule; never null
     * @return a new builder with the default settings; never null
     * @throws NullPointerException if {@code storage} is null
     */
    public static Builder builder(JdbcStorage storage) {
        return new Builder(Objects.requireNonNull(storage, "storage"));
    }

    @Override
    public void attach(SyncTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    private SyncTasks attached() {
        SyncTasks current = tasks;
        if (current == null) {
            throw new IllegalStateException(
                    "JdbcClusterScheduler runs only inside an engine: pass it to" + " entra.engine().scheduler(...)");
        }
        return current;
    }

    /** Adds this engine's mapped tenants to the schedule, then starts polling for due work. */
    @Override
    public void start() {
        attached();
        reconcile();
        scheduler.start();
    }

    /** Queues the job for the first free instance (this one is told at once). */
    @Override
    public void submit(SyncJob job) {
        Objects.requireNonNull(job, "job");
        scheduler.scheduleIfNotExists(clusterTasks.job.instance(job.id()), clock.instant());
        scheduler.triggerCheckForDueExecutions();
    }

    /**
     * Moves the tenant's row to its next run under its new interval ({@link SyncTasks#nextRun
     * nextRun(tenant, null)}), for every instance, since the row is shared. A row being run now is left
     * alone: its run reschedules it under the new interval when it ends.
     */
    @Override
    public void reschedule(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        SyncTasks engine = attached();
        TaskInstanceId row = TaskInstanceId.of(ClusterTasks.TENANT, tenant.value());
        try {
            scheduler
                    .getScheduledExecution(row)
                    .filter(e -> !e.isPicked())
                    .ifPresent(e -> scheduler.reschedule(row, engine.nextRun(tenant, null)));
        } catch (TaskInstanceException e) {
            LOG.debug("Tenant {} was picked while being rescheduled; its run reschedules it", tenant);
        }
    }

    /**
     * Stops polling and waits (up to the shutdown wait) for the runs of this instance; other instances go on.
     * A scheduled run that the closing engine cancels is handed over: it is due again at once, for another
     * instance.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            scheduler.stop();
        }
    }

    /**
     * This instance's name, as {@link ScheduledTenant#runningOn()} shows it.
     *
     * @return this instance's name; never null
     */
    public String instanceName() {
        return instanceName;
    }

    /**
     * Every tenant in the schedule, by next run.
     *
     * @return one entry per tenant row in the shared schedule, ordered by next run and then tenant id; empty when none
     */
    public List<ScheduledTenant> scheduledTenants() {
        return tenantRows().stream()
                .map(e -> new ScheduledTenant(
                        TenantId.of(e.getTaskInstance().getId()),
                        e.getExecutionTime(),
                        e.isPicked() ? e.getPickedBy() : null))
                .sorted(Comparator.comparing(ScheduledTenant::nextRunAt)
                        .thenComparing(t -> t.tenant().value()))
                .toList();
    }

    /** Gives every mapped tenant a row at its next slot, and removes the rows of tenants no longer mapped. */
    void reconcile() {
        SyncTasks engine = attached();
        Set<String> scheduled = new HashSet<>();
        List<ScheduledExecution<Object>> rows = tenantRows();
        rows.forEach(e -> scheduled.add(e.getTaskInstance().getId()));
        Set<String> mapped = new HashSet<>();
        for (TenantId tenant : engine.tenants()) {
            mapped.add(tenant.value());
            if (!scheduled.contains(tenant.value())) {
                scheduler.scheduleIfNotExists(
                        clusterTasks.tenant.instance(tenant.value()), engine.nextRun(tenant, null));
            }
        }
        for (ScheduledExecution<Object> row : rows) {
            String tenant = row.getTaskInstance().getId();
            if (!mapped.contains(tenant) && !row.isPicked()) {
                try {
                    scheduler.cancel(TaskInstanceId.of(ClusterTasks.TENANT, tenant));
                } catch (TaskInstanceException e) {
                    LOG.debug("Tenant {} was picked while being unscheduled; its run removes it", tenant);
                }
            }
        }
    }

    private List<ScheduledExecution<Object>> tenantRows() {
        return scheduler.getScheduledExecutionsForTask(
                ClusterTasks.TENANT, Object.class, ScheduledExecutionsFilter.all());
    }

    /** Builds a {@link JdbcClusterScheduler}. Not thread-safe. */
    public static final class Builder {
        private final JdbcStorage storage;
        private String instanceName = defaultInstanceName();
        private int threads = 4;
        private Duration pollingInterval = Duration.ofSeconds(10);
        private Duration heartbeatInterval = Duration.ofMinutes(1);
        private Duration shutdownMaxWait = Duration.ofMinutes(30);
        private Duration housekeepingInterval = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder(JdbcStorage storage) {
            this.storage = storage;
        }

        private static String defaultInstanceName() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "host";
            }
            String name = host + "-" + ProcessHandle.current().pid();
            return name.length() <= 50 ? name : name.substring(name.length() - 50);
        }

        /**
         * This instance's name (default: host name and process id), 1 to 50 characters.
         *
         * @param instanceName this instance's name, shown as {@link ScheduledTenant#runningOn()}; 1 to 50 characters,
         *     not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code instanceName} is null, blank or longer than 50 characters
         */
        public Builder instanceName(String instanceName) {
            if (instanceName == null || instanceName.isBlank() || instanceName.length() > 50) {
                throw new IllegalArgumentException("instanceName: must be 1-50 characters, was '" + instanceName + "'");
            }
            this.instanceName = instanceName;
            return this;
        }

        /**
         * How many tenants this instance syncs at once (default 4).
         *
         * @param threads the number of tenants this instance syncs at once; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is below 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * How often this instance looks for due work (default 10 seconds).
         *
         * @param pollingInterval how often this instance looks for due work; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code pollingInterval} is null, zero or negative
         */
        public Builder pollingInterval(Duration pollingInterval) {
            this.pollingInterval = positive("pollingInterval", pollingInterval);
            return this;
        }

        /**
         * How often a running sync's heartbeat is written (default 1 minute). A run whose heartbeat is six
         * intervals old is taken as dead (its instance crashed or hung) and run again by another instance.
         *
         * @param heartbeatInterval how often a running sync's heartbeat is written; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code heartbeatInterval} is null, zero or negative
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
            return this;
        }

        /**
         * How long {@link JdbcClusterScheduler#close()} waits for this instance's runs (default 30 minutes).
         *
         * @param shutdownMaxWait how long closing waits for this instance's runs; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code shutdownMaxWait} is null, zero or negative
         */
        public Builder shutdownMaxWait(Duration shutdownMaxWait) {
            this.shutdownMaxWait = positive("shutdownMaxWait", shutdownMaxWait);
            return this;
        }

        /**
         * How often the engine's housekeeping runs and new mappings join the schedule (default 1 minute).
         *
         * @param housekeepingInterval how often the housekeeping row runs; not null, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code housekeepingInterval} is null, zero or negative
         */
        public Builder housekeepingInterval(Duration housekeepingInterval) {
            this.housekeepingInterval = positive("housekeepingInterval", housekeepingInterval);
            return this;
        }

        /**
         * The clock deciding what is due; give it the engine's clock (default: system UTC).
         *
         * @param clock the clock deciding what is due; never null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": must be positive, was " + value);
            }
            return value;
        }

        /**
         * Builds the scheduler; give it to {@code entra.engine().scheduler(...)}.
         *
         * @return a new scheduler, not yet attached to an engine; never null
         */
        public JdbcClusterScheduler build() {
            return new JdbcClusterScheduler(this);
        }
    }
}
