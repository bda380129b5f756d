package dev.entrasync.jdbc;

import dev.entrasync.SyncJob;
import dev.entrasync.TenantId;
import dev.entrasync.spi.SyncTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One instance's engine, as the scheduler sees it: tenants with slots at {@code offset + k * interval}, and
 * runs that are recorded (into a queue shared by every instance) instead of syncing.
 */
final class FakeSyncTasks implements SyncTasks {

    /** A run an instance made: a tenant's scheduled sync or a submitted job. */
    record Run(String instance, String what, Instant at) {}

    final List<TenantId> tenants = new CopyOnWriteArrayList<>();
    final Map<TenantId, Duration> offsets = new ConcurrentHashMap<>();
    private final String instance;
    private final Duration interval;
    private final Clock clock;
    private final Queue<Run> runs;
    private final Queue<Run> ticks;
    private volatile Consumer<String> during = what -> {};
    private volatile boolean closing;

    FakeSyncTasks(String instance, Duration interval, Clock clock, Queue<Run> runs, Queue<Run> ticks) {
        this.instance = instance;
        this.interval = interval;
        this.clock = clock;
        this.runs = runs;
        this.ticks = ticks;
    }

    /** Something to do while a run runs (block, say), given the tenant or job id. */
    FakeSyncTasks during(Consumer<String> during) {
        this.during = during;
        return this;
    }

    /** Makes this engine closing, as an engine is from the start of its close until it closes its scheduler. */
    FakeSyncTasks beginClosing() {
        this.closing = true;
        return this;
    }

    @Override
    public boolean closing() {
        return closing;
    }

    void add(TenantId tenant, Duration offset) {
        offsets.put(tenant, offset);
        tenants.add(tenant);
    }

    @Override
    public void tick() {
        ticks.add(new Run(instance, "tick", clock.instant()));
    }

    @Override
    public List<TenantId> tenants() {
        return List.copyOf(tenants);
    }

    @Override
    public Duration interval(TenantId tenant) {
        return interval;
    }

    @Override
    public Instant nextRun(TenantId tenant, Instant after) {
        long step = interval.toMillis();
        long offset = offsets.getOrDefault(tenant, Duration.ZERO).toMillis();
        long from = (after == null ? clock.instant().toEpochMilli() - 1 : after.toEpochMilli()) - offset;
        return Instant.ofEpochMilli((Math.floorDiv(from, step) + 1) * step + offset);
    }

    @Override
    public void recoverInterrupted() {
        throw new AssertionError("a cluster scheduler must not recover jobs on start: other instances may run them");
    }

    @Override
    public Optional<SyncJob> runScheduled(TenantId tenant) {
        runs.add(new Run(instance, tenant.value(), clock.instant()));
        during.accept(tenant.value());
        return Optional.empty();
    }

    @Override
    public Optional<SyncJob> runQueued(String jobId) {
        runs.add(new Run(instance, jobId, clock.instant()));
        during.accept(jobId);
        return Optional.empty();
    }
}
