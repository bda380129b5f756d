package dev.entrasync.jdbc;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.entrasync.jdbc.internal.Database;
import dev.entrasync.jdbc.internal.Dialect;
import dev.entrasync.jdbc.internal.schedule.SlotSerializer;
import dev.entrasync.jdbc.internal.schedule.TenantSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs each tenant's sync once per interval across every host instance that shares the database, on
 * <a href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a> and its {@code scheduled_tasks}
 * table (created under the storage's prefix): an instance picks a due tenant with an optimistic update, so
 * one instance runs it; a run whose instance died (no heartbeat) is run again by another; "Sync now" from
 * any instance runs the tenant on whichever instance picks it first.
 *
 * <pre>{@code
 * JdbcClusterScheduler scheduler = JdbcClusterScheduler.builder(storage,
 *                 tenant -> engine.await(engine.syncNow(TenantId.of(tenant)).id(), Duration.ofHours(2)))
 *         .build();
 * scheduler.scheduleTenant(tenantGuid, Duration.ofHours(24));   // idempotent; any instance may call it
 * scheduler.start();
 * }</pre>
 *
 * <h2>The tenant sync</h2>
 * The host's {@code Consumer<String>} gets the tenant key and should return when the sync has finished (so
 * the run holds the tenant, and its heartbeat shows the instance alive). It runs on the scheduler's threads,
 * one tenant per thread. If it throws, the run is logged and the tenant runs again at its next slot.
 *
 * <h2>When a tenant runs</h2>
 * At {@code epoch + offset + k * interval}: with {@link #scheduleTenant(String, Duration)} the offset is a
 * stable hash of the key, spreading a fleet over the interval. A run that overran its interval skips the
 * slots it covered. {@link #syncNow} moves a scheduled tenant's next run to now (it runs once, then keeps
 * its slot), so a tenant never runs twice at once; an unscheduled tenant gets a one-time run.
 *
 * <p>Thread-safe. Build one per host instance; {@link #close()} stops it, waiting for running syncs up to
 * {@link Builder#shutdownMaxWait}.
 */
public final class JdbcClusterScheduler implements AutoCloseable {

    static final String TENANT_TASK = "entra-sync-tenant";
    static final String SYNC_NOW_TASK = "entra-sync-now";

    private final Scheduler scheduler;
    private final RecurringTaskWithPersistentSchedule<TenantSlot> tenantTask;
    private final OneTimeTask<Void> syncNowTask;
    private final String instanceName;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private JdbcClusterScheduler(Builder b) {
        Consumer<String> sync = b.tenantSync;
        this.tenantTask = Tasks.recurringWithPersistentSchedule(TENANT_TASK, TenantSlot.class)
                .execute((instance, context) -> sync.accept(instance.getId()));
        this.syncNowTask = Tasks.oneTime(SYNC_NOW_TASK)
                .onFailure((complete, operations) -> operations.remove())
                .execute((instance, context) -> sync.accept(instance.getId()));
        Database db = b.storage.database();
        this.instanceName = b.instanceName;
        SchedulerBuilder builder = Scheduler.create(db.dataSource(), tenantTask, syncNowTask)
                .tableName(db.table("scheduled_tasks"))
                .serializer(new SlotSerializer())
                .schedulerName(new SchedulerName.Fixed(b.instanceName))
                .threads(b.threads)
                .pollingInterval(b.pollingInterval)
                .heartbeatInterval(b.heartbeatInterval)
                .shutdownMaxWait(b.shutdownMaxWait)
                .enableImmediateExecution();
        // MariaDB's DATETIME has no zone: db-scheduler must write UTC. H2 keeps zones, as PostgreSQL does.
        if (db.dialect() == Dialect.MARIADB) {
            builder.alwaysPersistTimestampInUTC();
        } else if (db.dialect() == Dialect.H2) {
            builder.jdbcCustomization(new DefaultJdbcCustomization(false));
        }
        this.scheduler = builder.build();
    }

    /**
     * A builder.
     *
     * @param storage the storage whose database (and prefix) the instances share
     * @param tenantSync syncs one tenant, given its key, and returns when done
     */
    public static Builder builder(JdbcStorage storage, Consumer<String> tenantSync) {
        return new Builder(Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(tenantSync, "tenantSync"));
    }

    /** Starts polling for due tenants. */
    public void start() {
        scheduler.start();
    }

    /** This instance's name, as {@link ScheduledTenant#runningOn()} shows it. */
    public String instanceName() {
        return instanceName;
    }

    /**
     * Schedules the tenant every {@code interval} at an offset spread by a hash of its key.
     *
     * @return whether anything changed (false when it was already scheduled the same way)
     */
    public boolean scheduleTenant(String tenantKey, Duration interval) {
        return schedule(tenantKey, TenantSlot.spread(checkKey(tenantKey), interval));
    }

    /**
     * Schedules the tenant every {@code interval}, {@code offset} into each interval (from the epoch).
     * Scheduling a tenant again with another interval or offset moves it; with the same, changes nothing.
     *
     * @return whether anything changed
     * @throws IllegalArgumentException for a blank key or one over 100 characters, an interval under 1 ms,
     *     or an offset outside {@code [0, interval)}
     * @throws IllegalStateException if the tenant is being synced right now (try again after)
     */
    public boolean scheduleTenant(String tenantKey, Duration interval, Duration offset) {
        return schedule(checkKey(tenantKey), new TenantSlot(interval, offset));
    }

    private boolean schedule(String tenantKey, TenantSlot slot) {
        Optional<ScheduledExecution<Object>> existing = scheduler.getScheduledExecution(tenantId(tenantKey));
        if (existing.isEmpty()) {
            return scheduler.scheduleIfNotExists(tenantTask.schedulableInstance(tenantKey, slot));
        }
        if (slot.equals(existing.get().getData())) {
            return false;
        }
        try {
            return scheduler.reschedule(tenantId(tenantKey), slot.getInitialExecutionTime(Instant.now()), slot);
        } catch (TaskInstanceException e) {
            throw new IllegalStateException("Tenant " + tenantKey + " is being synced right now; change its schedule"
                    + " after the run (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Removes the tenant from the schedule (a run in progress finishes).
     *
     * @return whether it was scheduled
     */
    public boolean unscheduleTenant(String tenantKey) {
        TaskInstanceId id = tenantId(checkKey(tenantKey));
        if (scheduler.getScheduledExecution(id).isEmpty()) {
            return false;
        }
        try {
            scheduler.cancel(id);
            return true;
        } catch (TaskInstanceException e) {
            throw new IllegalStateException("Tenant " + tenantKey + " is being synced right now; unschedule it after"
                    + " the run (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Syncs the tenant as soon as an instance is free: a scheduled tenant's next run moves to now; an
     * unscheduled one gets a one-time run.
     *
     * @return true when queued; false when a sync of the tenant is already running or already queued now
     */
    public boolean syncNow(String tenantKey) {
        checkKey(tenantKey);
        Instant now = Instant.now();
        Optional<ScheduledExecution<Object>> scheduled = scheduler.getScheduledExecution(tenantId(tenantKey));
        if (scheduled.isEmpty()) {
            return scheduler.scheduleIfNotExists(syncNowTask.instance(tenantKey), now);
        }
        if (scheduled.get().isPicked() || !scheduled.get().getExecutionTime().isAfter(now)) {
            return false;
        }
        try {
            boolean moved = scheduler.reschedule(tenantId(tenantKey), now);
            scheduler.triggerCheckForDueExecutions();
            return moved;
        } catch (TaskInstanceException e) {
            return false;
        }
    }

    /** Every scheduled tenant, by next run. */
    public List<ScheduledTenant> scheduledTenants() {
        return scheduler.getScheduledExecutionsForTask(TENANT_TASK, TenantSlot.class, ScheduledExecutionsFilter.all())
                .stream()
                .map(e -> new ScheduledTenant(e.getTaskInstance().getId(), e.getData().interval(), e.getData().offset(),
                        e.getExecutionTime(), e.isPicked() ? e.getPickedBy() : null))
                .sorted(Comparator.comparing(ScheduledTenant::nextRunAt).thenComparing(ScheduledTenant::tenantKey))
                .toList();
    }

    /** Stops polling and waits for running syncs (up to the shutdown wait); their tenants keep their schedule. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            scheduler.stop();
        }
    }

    private static TaskInstanceId tenantId(String tenantKey) {
        return TaskInstanceId.of(TENANT_TASK, tenantKey);
    }

    private static String checkKey(String tenantKey) {
        if (tenantKey == null || tenantKey.isBlank() || tenantKey.length() > 100) {
            throw new IllegalArgumentException("tenantKey: must be 1-100 characters (a tenant GUID, say), was '"
                    + tenantKey + "'");
        }
        return tenantKey;
    }

    /** Builds a {@link JdbcClusterScheduler}. Not thread-safe. */
    public static final class Builder {
        private final JdbcStorage storage;
        private final Consumer<String> tenantSync;
        private String instanceName = defaultInstanceName();
        private int threads = 4;
        private Duration pollingInterval = Duration.ofSeconds(10);
        private Duration heartbeatInterval = Duration.ofMinutes(1);
        private Duration shutdownMaxWait = Duration.ofMinutes(30);

        private Builder(JdbcStorage storage, Consumer<String> tenantSync) {
            this.storage = storage;
            this.tenantSync = tenantSync;
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

        /** This instance's name (default: host name and process id), at most 50 characters. */
        public Builder instanceName(String instanceName) {
            if (instanceName == null || instanceName.isBlank() || instanceName.length() > 50) {
                throw new IllegalArgumentException("instanceName: must be 1-50 characters, was '" + instanceName + "'");
            }
            this.instanceName = instanceName;
            return this;
        }

        /** How many tenants this instance syncs at once (default 4). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How often this instance looks for due tenants (default 10 seconds). */
        public Builder pollingInterval(Duration pollingInterval) {
            this.pollingInterval = positive("pollingInterval", pollingInterval);
            return this;
        }

        /**
         * How often a running sync's heartbeat is written (default 1 minute). A run whose heartbeat is six
         * intervals old is taken as dead (its instance crashed) and run again by another instance.
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
            return this;
        }

        /** How long {@link JdbcClusterScheduler#close()} waits for running syncs (default 30 minutes). */
        public Builder shutdownMaxWait(Duration shutdownMaxWait) {
            this.shutdownMaxWait = positive("shutdownMaxWait", shutdownMaxWait);
            return this;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + ": must be positive, was " + value);
            }
            return value;
        }

        /** Builds the scheduler; {@link JdbcClusterScheduler#start()} starts it. */
        public JdbcClusterScheduler build() {
            return new JdbcClusterScheduler(this);
        }
    }
}
