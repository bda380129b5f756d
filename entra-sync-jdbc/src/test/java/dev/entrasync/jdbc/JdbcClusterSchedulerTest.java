package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entrasync.Dataset;
import dev.entrasync.JobStatus;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.jdbc.FakeSyncTasks.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Several scheduler instances over one database, each with its own engine (a {@link FakeSyncTasks}), on real
 * time and db-scheduler's own polling with short intervals. Every wait is bounded.
 */
class JdbcClusterSchedulerTest {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Queue<Run> runs = new ConcurrentLinkedQueue<>();
    private final Queue<Run> ticks = new ConcurrentLinkedQueue<>();

    private JdbcClusterScheduler.Builder builder(JdbcStorage storage, String name) {
        return JdbcClusterScheduler.builder(storage)
                .instanceName(name)
                .threads(4)
                .pollingInterval(POLL)
                .heartbeatInterval(Duration.ofMillis(200))
                .shutdownMaxWait(Duration.ofSeconds(10));
    }

    private FakeSyncTasks engine(String name, Duration interval) {
        return new FakeSyncTasks(name, interval, Clock.systemUTC(), runs, ticks);
    }

    private static JdbcClusterScheduler attach(JdbcClusterScheduler scheduler, FakeSyncTasks engine) {
        scheduler.attach(engine);
        return scheduler;
    }

    private Map<String, Long> countsBetween(Instant from, Instant to) {
        return runs.stream()
                .filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
                .collect(Collectors.groupingBy(Run::what, Collectors.counting()));
    }

    private static SyncJob job(String id) {
        return new SyncJob(
                id,
                TenantId.of(TestUsers.TENANT_A),
                null,
                "msp",
                SyncTrigger.MANUAL,
                JobStatus.QUEUED,
                Instant.now(),
                null,
                null,
                List.of(Dataset.USERS),
                List.of(),
                null);
    }

    @DatabaseTest
    void twoInstancesRunEachTenantOncePerIntervalAndTheSurvivorFinishesWhenOneStops(TestDatabase db)
            throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        Duration interval = Duration.ofSeconds(4);
        FakeSyncTasks engineA = engine("instance-a", interval);
        FakeSyncTasks engineB = engine("instance-b", interval);
        // Tenants run in the first half of each interval; the checks happen in the quiet second half.
        for (int i = 0; i < 100; i++) {
            TenantId tenant = TenantId.of(TestUsers.id(i));
            engineA.add(tenant, Duration.ofMillis(i * 20L));
            engineB.add(tenant, Duration.ofMillis(i * 20L));
        }
        long step = interval.toMillis();
        Instant now = Instant.now();
        Instant next = Instant.ofEpochMilli((now.toEpochMilli() / step + 1) * step);
        Instant boundary = Duration.between(now, next).toMillis() > 1800 ? next : next.plus(interval);
        Waits.sleepUntil(boundary.minusMillis(1800));
        JdbcClusterScheduler a = attach(builder(storage, "instance-a").build(), engineA);
        JdbcClusterScheduler b = attach(builder(storage, "instance-b").build(), engineB);
        a.start();
        b.start();
        try {
            Instant second = boundary.plus(interval);
            Waits.sleepUntil(boundary.plusMillis(2900));
            Map<String, Long> first = countsBetween(boundary, second);
            Waits.sleepUntil(second.plusMillis(1000));
            a.close();
            Instant stopped = Instant.now();
            Waits.sleepUntil(second.plusMillis(2900));
            Map<String, Long> afterStop = countsBetween(second, second.plus(interval));

            assertThat(a.scheduledTenants()).hasSize(100);
            assertThat(runs.stream().filter(r -> r.at().isBefore(boundary))).isEmpty();
            assertThat(first)
                    .hasSize(100)
                    .allSatisfy((tenant, n) -> assertThat(n).as(tenant).isEqualTo(1));
            // A run instance-a started before or while it closed is cancelled by the close and handed over
            // (JdbcClusterScheduler#close): instance-b runs that tenant again at once. Every other tenant runs once.
            long handedOver = afterStop.entrySet().stream()
                    .filter(e -> e.getValue() == 2)
                    .peek(e -> assertThat(
                                    runs.stream().filter(r -> r.what().equals(e.getKey()) && !r.at().isBefore(second)))
                            .as("runs of %s handed over at the close", e.getKey())
                            .filteredOn(r ->
                                    !r.at().isAfter(stopped) || r.instance().equals("instance-b"))
                            .extracting(Run::instance)
                            .containsExactly("instance-a", "instance-b"))
                    .count();
            assertThat(afterStop)
                    .hasSize(100)
                    .allSatisfy((tenant, n) -> assertThat(n).as(tenant).isBetween(1L, 2L));
            assertThat(handedOver).as("runs in flight at the close").isLessThanOrEqualTo(4);
            assertThat(runs).hasSize(200 + (int) handedOver);
            assertThat(runs.stream()
                            .filter(r -> r.at().isBefore(second))
                            .map(Run::instance)
                            .distinct())
                    .containsExactlyInAnyOrder("instance-a", "instance-b");
            List<Run> late = runs.stream().filter(r -> r.at().isAfter(stopped)).toList();
            assertThat(late)
                    .hasSizeGreaterThanOrEqualTo(40)
                    .extracting(Run::instance)
                    .containsOnly("instance-b");
        } finally {
            a.close();
            b.close();
        }
    }

    @DatabaseTest
    void aSubmittedJobRunsOnceOnWhicheverInstanceIsRunning(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler idle = attach(builder(storage, "idle").build(), engine("idle", Duration.ofDays(1)));
        JdbcClusterScheduler worker = attach(builder(storage, "worker").build(), engine("worker", Duration.ofDays(1)));

        idle.submit(job("job-1"));
        idle.submit(job("job-1"));
        worker.start();
        try {
            Waits.until("the job to run", Duration.ofSeconds(10), () -> !runs.isEmpty());
            Thread.sleep(5 * POLL.toMillis());

            assertThat(runs)
                    .extracting(Run::instance, Run::what)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("worker", "job-1"));
            Waits.until(
                    "the job row to go",
                    Duration.ofSeconds(5),
                    () -> db.count("scheduled_tasks", "task_name = 'entra-sync-job'") == 0);
        } finally {
            worker.close();
            idle.close();
        }
    }

    @DatabaseTest
    void aJobWhoseInstanceDiedIsRunAgainByAnother(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        CountDownLatch hung = new CountDownLatch(1);
        JdbcClusterScheduler dying = attach(
                builder(storage, "dying")
                        .shutdownMaxWait(Duration.ofMillis(100))
                        .build(),
                engine("dying", Duration.ofDays(1)).during(what -> sleepIgnoringInterrupts(hung)));
        dying.submit(job("job-1"));
        dying.start();
        Waits.until("the dying instance to start the job", Duration.ofSeconds(10), () -> runs.size() == 1);
        dying.close();
        JdbcClusterScheduler survivor =
                attach(builder(storage, "survivor").build(), engine("survivor", Duration.ofDays(1)));
        survivor.start();
        try {
            Waits.until("the survivor to run it again", Duration.ofSeconds(20), () -> runs.size() == 2);

            assertThat(runs).extracting(Run::instance).containsExactly("dying", "survivor");
        } finally {
            hung.countDown();
            survivor.close();
        }
    }

    /**
     * An engine begins closing before it closes its scheduler, so a run can end in between: skipped (the engine
     * no longer takes jobs) or failed. Such a run is handed over like one cut short by the scheduler's close, or
     * the tenant would lose its interval (a day here).
     */
    @DatabaseTest
    void aRunThatEndsWhileItsEngineIsClosingIsHandedOverBeforeTheSchedulerCloses(TestDatabase db)
            throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        Duration day = Duration.ofDays(1);
        TenantId skipped = TenantId.of(TestUsers.id(1));
        TenantId failed = TenantId.of(TestUsers.id(2));
        Duration soon = Duration.ofMillis(Math.floorMod(System.currentTimeMillis() + 500, day.toMillis()));
        FakeSyncTasks closing = engine("closing", day).beginClosing().during(what -> {
            if (what.equals(failed.value())) {
                throw new IllegalStateException("The engine is closing; no new jobs");
            }
        });
        FakeSyncTasks survivor = engine("survivor", day);
        for (FakeSyncTasks engine : List.of(closing, survivor)) {
            engine.add(skipped, soon);
            engine.add(failed, soon);
        }
        JdbcClusterScheduler a = attach(builder(storage, "closing").build(), closing);
        a.start();
        try {
            Waits.until(
                    "both tenants' slots to come",
                    Duration.ofSeconds(10),
                    () -> runs.stream().map(Run::what).distinct().count() == 2);
        } finally {
            a.close();
        }
        Instant closed = Instant.now();

        assertThat(a.scheduledTenants())
                .as("rows handed over, due at once rather than at the next slot")
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.nextRunAt()).isBefore(closed.plusSeconds(1)));
        JdbcClusterScheduler b = attach(builder(storage, "survivor").build(), survivor);
        b.start();
        try {
            Waits.until(
                    "the survivor to run both tenants",
                    Duration.ofSeconds(10),
                    () -> runs.stream()
                                    .filter(r -> r.instance().equals("survivor"))
                                    .count()
                            == 2);

            assertThat(runs)
                    .filteredOn(r -> r.instance().equals("survivor"))
                    .extracting(Run::what)
                    .containsExactlyInAnyOrder(skipped.value(), failed.value());
        } finally {
            b.close();
        }
    }

    @DatabaseTest
    void mappedTenantsJoinAndUnmappedOnesLeaveTheSchedule(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        FakeSyncTasks engine = engine("a", Duration.ofDays(1));
        TenantId first = TenantId.of(TestUsers.id(1));
        TenantId second = TenantId.of(TestUsers.id(2));
        engine.add(first, Duration.ofHours(3));
        JdbcClusterScheduler a = attach(
                builder(storage, "a")
                        .housekeepingInterval(Duration.ofMillis(200))
                        .build(),
                engine);
        a.start();
        try {
            List<ScheduledTenant> initial = a.scheduledTenants();
            engine.add(second, Duration.ofHours(5));
            engine.tenants.remove(first);
            Waits.until(
                    "the schedule to follow the mappings",
                    Duration.ofSeconds(10),
                    () -> a.scheduledTenants().stream()
                            .map(ScheduledTenant::tenant)
                            .toList()
                            .equals(List.of(second)));

            assertThat(initial).extracting(ScheduledTenant::tenant).containsExactly(first);
            assertThat(initial.get(0).nextRunAt()).isEqualTo(engine.nextRun(first, null));
            assertThat(initial.get(0).running()).isFalse();
            assertThat(ticks).isNotEmpty();
            assertThat(runs).isEmpty();
        } finally {
            a.close();
        }
    }

    @DatabaseTest
    void housekeepingRunsOnOneInstanceAtATime(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler a = attach(
                builder(storage, "a")
                        .housekeepingInterval(Duration.ofMillis(300))
                        .build(),
                engine("a", Duration.ofDays(1)));
        JdbcClusterScheduler b = attach(
                builder(storage, "b")
                        .housekeepingInterval(Duration.ofMillis(300))
                        .build(),
                engine("b", Duration.ofDays(1)));
        a.start();
        b.start();
        try {
            Waits.until("several housekeeping runs", Duration.ofSeconds(15), () -> ticks.size() >= 6);
        } finally {
            a.close();
            b.close();
        }

        List<Instant> times = ticks.stream().map(Run::at).sorted().toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @DatabaseTest
    void startWithoutAnEngineAndBadSettingsAreRefused(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler lonely = builder(storage, "lonely").build();

        assertThatThrownBy(lonely::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entra.engine().scheduler(...)");
        assertThatThrownBy(() -> JdbcClusterScheduler.builder(storage).threads(0))
                .hasMessageContaining("threads:");
        assertThatThrownBy(() -> JdbcClusterScheduler.builder(storage).instanceName("x".repeat(51)))
                .hasMessageContaining("instanceName:");
        assertThatThrownBy(() -> JdbcClusterScheduler.builder(storage).pollingInterval(Duration.ZERO))
                .hasMessageContaining("pollingInterval: must be positive");
        lonely.close();
    }

    /** Simulates a process that stopped answering: the run never ends on its own and ignores interrupts. */
    private static void sleepIgnoringInterrupts(CountDownLatch release) {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException e) {
                // a dead process cannot be interrupted
            }
        }
    }
}
