package dev.entrasync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several scheduler instances over one database, with real time and db-scheduler's own polling on short
 * intervals. Every wait is bounded.
 */
class JdbcClusterSchedulerTest {

    private static final Duration POLL = Duration.ofMillis(100);

    private record Run(String instance, String tenant, Instant at) {
    }

    private final Queue<Run> runs = new ConcurrentLinkedQueue<>();

    private JdbcClusterScheduler scheduler(JdbcStorage storage, String name, Consumer<String> sync) {
        return JdbcClusterScheduler.builder(storage, sync).instanceName(name).threads(4).pollingInterval(POLL)
                .heartbeatInterval(Duration.ofMillis(200)).shutdownMaxWait(Duration.ofSeconds(10)).build();
    }

    private JdbcClusterScheduler recording(JdbcStorage storage, String name) {
        return scheduler(storage, name, tenant -> runs.add(new Run(name, tenant, Instant.now())));
    }

    private Map<String, Long> countsBetween(Instant from, Instant to) {
        return runs.stream().filter(r -> !r.at().isBefore(from) && r.at().isBefore(to))
                .collect(Collectors.groupingBy(Run::tenant, Collectors.counting()));
    }

    private static Instant nextBoundary(Instant now, Duration interval) {
        long step = interval.toMillis();
        return Instant.ofEpochMilli((now.toEpochMilli() / step + 1) * step);
    }

    @DatabaseTest
    void twoInstancesRunEachTenantOncePerIntervalAndTheSurvivorFinishesWhenOneStops(TestDatabase db)
            throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        Duration interval = Duration.ofSeconds(4);
        List<String> tenants = IntStream.range(0, 100).mapToObj(TestUsers::id).toList();
        // Tenants run in the first half of each interval; the checks happen in the quiet second half.
        Instant now = Instant.now();
        Instant next = nextBoundary(now, interval);
        Instant boundary = Duration.between(now, next).toMillis() > 1800 ? next : next.plus(interval);
        Waits.sleepUntil(boundary.minusMillis(1800));
        JdbcClusterScheduler a = recording(storage, "instance-a");
        JdbcClusterScheduler b = recording(storage, "instance-b");
        for (int i = 0; i < tenants.size(); i++) {
            assertThat(a.scheduleTenant(tenants.get(i), interval, Duration.ofMillis(i * 20L))).isTrue();
        }
        boolean changedByB = tenants.stream()
                .anyMatch(t -> b.scheduleTenant(t, interval, Duration.ofMillis(tenants.indexOf(t) * 20L)));
        a.start();
        b.start();
        try {
            Instant secondBoundary = boundary.plus(interval);
            Waits.sleepUntil(boundary.plusMillis(2900));
            Map<String, Long> first = countsBetween(boundary, secondBoundary);

            Instant stopAt = secondBoundary.plusMillis(1000);
            Waits.sleepUntil(stopAt);
            a.close();
            Instant stopped = Instant.now();
            Waits.sleepUntil(secondBoundary.plusMillis(2900));
            Map<String, Long> second = countsBetween(secondBoundary, secondBoundary.plus(interval));

            assertThat(changedByB).isFalse();
            assertThat(runs.stream().filter(r -> r.at().isBefore(boundary))).isEmpty();
            assertThat(first).hasSize(100).allSatisfy((tenant, n) -> assertThat(n).as(tenant).isEqualTo(1));
            assertThat(second).hasSize(100).allSatisfy((tenant, n) -> assertThat(n).as(tenant).isEqualTo(1));
            assertThat(runs).hasSize(200);
            assertThat(runs.stream().filter(r -> r.at().isBefore(secondBoundary)).map(Run::instance).distinct())
                    .containsExactlyInAnyOrder("instance-a", "instance-b");
            Predicate<Run> afterStop = r -> r.at().isAfter(stopped);
            assertThat(runs.stream().filter(afterStop).map(Run::instance).distinct()).containsExactly("instance-b");
            assertThat(runs.stream().filter(afterStop).count()).isGreaterThanOrEqualTo(40);
        } finally {
            a.close();
            b.close();
        }
    }

    @DatabaseTest
    void syncNowRunsAScheduledTenantOnceAndKeepsItsSlot(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler a = recording(storage, "a");
        JdbcClusterScheduler b = recording(storage, "b");
        a.scheduleTenant("tenant-1", Duration.ofDays(1));
        Instant slot = a.scheduledTenants().get(0).nextRunAt();
        a.start();
        b.start();
        try {
            boolean queued = b.syncNow("tenant-1");
            boolean unscheduledQueued = a.syncNow("tenant-2");
            Waits.until("both syncs", Duration.ofSeconds(10), () -> runs.size() >= 2);
            Thread.sleep(3 * POLL.toMillis());

            assertThat(queued).isTrue();
            assertThat(unscheduledQueued).isTrue();
            assertThat(runs).extracting(Run::tenant).containsExactlyInAnyOrder("tenant-1", "tenant-2");
            Waits.until("tenant-1 back on its slot", Duration.ofSeconds(5),
                    () -> a.scheduledTenants().get(0).nextRunAt().equals(slot));
            assertThat(a.scheduledTenants()).extracting(ScheduledTenant::tenantKey).containsExactly("tenant-1");
            assertThat(db.count("scheduled_tasks", "task_name = 'entra-sync-now'")).isZero();
        } finally {
            a.close();
            b.close();
        }
    }

    @DatabaseTest
    void syncNowOfAQueuedOrRunningTenantQueuesNothingMore(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        CountDownLatch release = new CountDownLatch(1);
        JdbcClusterScheduler a = scheduler(storage, "a", tenant -> {
            runs.add(new Run("a", tenant, Instant.now()));
            awaitQuietly(release);
        });
        a.scheduleTenant("scheduled", Duration.ofDays(1));

        assertThat(a.syncNow("adhoc")).isTrue();
        assertThat(a.syncNow("adhoc")).isFalse();
        assertThat(a.syncNow("scheduled")).isTrue();
        assertThat(a.syncNow("scheduled")).isFalse();
        a.start();
        try {
            Waits.until("both running", Duration.ofSeconds(10), () -> runs.size() == 2);
            assertThat(a.syncNow("scheduled")).isFalse();
            assertThat(a.scheduledTenants().get(0).runningOn()).isEqualTo("a");
            release.countDown();
            Waits.until("scheduled back to its slot", Duration.ofSeconds(10),
                    () -> !a.scheduledTenants().get(0).running());
            assertThat(runs).hasSize(2);
        } finally {
            release.countDown();
            a.close();
        }
    }

    @DatabaseTest
    void aRunWhoseInstanceDiedIsRunAgainByAnother(TestDatabase db) throws InterruptedException {
        JdbcStorage storage = db.storageBuilder().build();
        CountDownLatch hung = new CountDownLatch(1);
        JdbcClusterScheduler dying = JdbcClusterScheduler.builder(storage, tenant -> {
                    runs.add(new Run("dying", tenant, Instant.now()));
                    sleepIgnoringInterrupts(hung);
                }).instanceName("dying").pollingInterval(POLL).heartbeatInterval(Duration.ofMillis(200))
                .shutdownMaxWait(Duration.ofMillis(100)).build();
        dying.syncNow("tenant-1");
        dying.start();
        Waits.until("the dying instance to pick the tenant", Duration.ofSeconds(10), () -> runs.size() == 1);
        dying.close();
        JdbcClusterScheduler survivor = recording(storage, "survivor");
        survivor.start();
        try {
            Waits.until("the survivor to run the dead run again", Duration.ofSeconds(20), () -> runs.size() == 2);

            assertThat(runs).extracting(Run::instance).containsExactly("dying", "survivor");
        } finally {
            hung.countDown();
            survivor.close();
        }
    }

    @DatabaseTest
    void schedulingIsIdempotentAndMovable(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler a = recording(storage, "a");
        Duration day = Duration.ofDays(1);

        assertThat(a.scheduleTenant("t1", day, Duration.ofHours(3))).isTrue();
        assertThat(a.scheduleTenant("t1", day, Duration.ofHours(3))).isFalse();
        assertThat(a.scheduleTenant("t1", day, Duration.ofHours(5))).isTrue();
        a.scheduleTenant("t2", day);

        List<ScheduledTenant> tenants = new ArrayList<>(a.scheduledTenants());
        ScheduledTenant t1 = tenants.stream().filter(t -> t.tenantKey().equals("t1")).findFirst().orElseThrow();
        assertThat(t1.offset()).isEqualTo(Duration.ofHours(5));
        assertThat(t1.nextRunAt().toEpochMilli() % day.toMillis()).isEqualTo(Duration.ofHours(5).toMillis());
        assertThat(t1.running()).isFalse();
        assertThat(a.unscheduleTenant("t1")).isTrue();
        assertThat(a.unscheduleTenant("t1")).isFalse();
        assertThat(a.scheduledTenants()).extracting(ScheduledTenant::tenantKey).containsExactly("t2");
    }

    @DatabaseTest
    void badArgumentsAreRefusedNamingTheField(TestDatabase db) {
        JdbcStorage storage = db.storageBuilder().build();
        JdbcClusterScheduler a = recording(storage, "a");

        assertThatThrownBy(() -> a.scheduleTenant("", Duration.ofDays(1))).hasMessageContaining("tenantKey:");
        assertThatThrownBy(() -> a.scheduleTenant("t", Duration.ZERO, Duration.ZERO)).hasMessageContaining("interval:");
        assertThatThrownBy(() -> a.scheduleTenant("t", Duration.ofHours(1), Duration.ofHours(1)))
                .hasMessageContaining("offset: must be in [0, interval");
        assertThatThrownBy(() -> JdbcClusterScheduler.builder(storage, t -> { }).threads(0)).hasMessageContaining("threads:");
        assertThatThrownBy(() -> JdbcClusterScheduler.builder(storage, t -> { }).instanceName("x".repeat(51)))
                .hasMessageContaining("instanceName:");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
