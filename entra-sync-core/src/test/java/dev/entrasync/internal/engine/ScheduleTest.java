package dev.entrasync.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.Dataset;
import dev.entrasync.SimulatedCloudFixture;
import dev.entrasync.SyncConfig;
import dev.entrasync.SyncEngine;
import dev.entrasync.SyncJob;
import dev.entrasync.SyncTrigger;
import dev.entrasync.TenantId;
import dev.entrasync.TenantMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schedule on injected time: spread, once per interval, pause and exclude. Tenants need not exist for scheduling. */
class ScheduleTest {

    private static final SyncConfig ONE_WORKER = SyncConfig.custom().workers(1).build();

    private final SimulatedCloudFixture sim = new SimulatedCloudFixture();
    /** The built-in scheduler, driven by hand on the fixture's clock (one tick per {@code runDue()}). */
    private final LocalScheduler schedule = new LocalScheduler(sim.time, Duration.ofSeconds(30), null, 1);

    @AfterEach
    void close() {
        sim.close();
    }

    /** Small tenants that exist in the simulated cloud (so their scheduled jobs succeed), each mapped to a company. */
    private List<TenantId> mapTenants(int n) {
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TenantId tenant = TenantId.of(sim.tenant("Tenant" + i, 1).id());
            sim.mapper.map(new TenantMapping(
                    "company-" + i, tenant, "msp", "Tenant " + i, null, EnumSet.of(Dataset.TENANT_PROFILE), false));
            tenants.add(tenant);
        }
        return tenants;
    }

    @Test
    void aHundredTenantsLandAtDistinctEvenlySpreadTimesOverADay() {
        List<TenantId> tenants = mapTenants(100);
        Instant start = sim.time.instant();
        try (SyncEngine engine = sim.builder().scheduler(schedule).build()) {
            List<Instant> next = tenants.stream()
                    .map(t -> engine.nextRun(t).orElseThrow())
                    .sorted()
                    .toList();

            assertThat(next)
                    .doesNotHaveDuplicates()
                    .allSatisfy(t -> assertThat(t).isAfter(start).isBeforeOrEqualTo(start.plus(Duration.ofHours(24))));
            Duration maxGap = Duration.ZERO;
            for (int i = 1; i < next.size(); i++) {
                Duration gap = Duration.between(next.get(i - 1), next.get(i));
                maxGap = gap.compareTo(maxGap) > 0 ? gap : maxGap;
            }
            assertThat(maxGap).isLessThan(Duration.ofHours(2));
            for (int quarter = 0; quarter < 4; quarter++) {
                Instant from = start.plus(Duration.ofHours(6L * quarter));
                Instant to = from.plus(Duration.ofHours(6));
                long inQuarter = next.stream()
                        .filter(t -> t.isAfter(from) && !t.isAfter(to))
                        .count();
                assertThat(inQuarter)
                        .as("tenants in hours %d-%d", quarter * 6, quarter * 6 + 6)
                        .isBetween(15L, 35L);
            }
        }
    }

    @Test
    void everyTenantIsQueuedOnceInItsSlotPerInterval() throws Exception {
        List<TenantId> tenants = mapTenants(100);
        Map<TenantId, List<Instant>> queued = new HashMap<>();
        try (SyncEngine engine = sim.builder().scheduler(schedule).build()) {
            Map<TenantId, Instant> slots = new HashMap<>();
            tenants.forEach(t -> slots.put(t, engine.nextRun(t).orElseThrow()));

            for (int minute = 0; minute <= 48 * 60; minute += 5) {
                for (SyncJob job : schedule.runDue()) {
                    assertThat(job.trigger()).isEqualTo(SyncTrigger.SCHEDULED);
                    queued.computeIfAbsent(job.tenant(), k -> new ArrayList<>()).add(sim.time.instant());
                }
                sim.time.advance(Duration.ofMinutes(5));
            }

            assertThat(queued).hasSize(100);
            queued.forEach((tenant, times) -> {
                assertThat(times).as("runs of %s in 48 h", tenant).hasSize(2);
                assertThat(times.get(0))
                        .isBetween(slots.get(tenant), slots.get(tenant).plus(Duration.ofMinutes(5)));
                assertThat(Duration.between(times.get(0), times.get(1)))
                        .isBetween(
                                Duration.ofHours(24).minusMinutes(5),
                                Duration.ofHours(24).plusMinutes(5));
            });
        }
    }

    @Test
    void pausedAndExcludedTenantsAreNotScheduled() throws Exception {
        List<TenantId> tenants = mapTenants(3);
        try (SyncEngine engine = sim.builder().scheduler(schedule).build()) {
            engine.pause(tenants.get(0));
            engine.exclude(tenants.get(1));

            List<TenantId> scheduled = new ArrayList<>();
            for (int hour = 0; hour <= 25; hour++) {
                schedule.runDue().forEach(j -> scheduled.add(j.tenant()));
                sim.time.advance(Duration.ofHours(1));
            }

            assertThat(scheduled).containsExactly(tenants.get(2));
            assertThat(sim.mapper.findByTenant(tenants.get(0)).orElseThrow().paused())
                    .isTrue();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> engine.syncNow(tenants.get(1))))
                    .hasMessageContaining("excluded");
            engine.resume(tenants.get(0));
            assertThat(sim.mapper.findByTenant(tenants.get(0)).orElseThrow().paused())
                    .isFalse();
        }
    }

    @Test
    void controlsSetOnOneEngineHoldForAnotherEngineOverTheSameMapper() throws Exception {
        List<TenantId> tenants = mapTenants(3);
        try (SyncEngine first = sim.builder().config(ONE_WORKER).build()) {
            first.exclude(tenants.get(0));
            first.interval(tenants.get(1), Duration.ofHours(6));
            first.pause(tenants.get(2));
        }

        // A restart, or another instance: only the mapper remembers.
        try (SyncEngine second = sim.builder().scheduler(schedule).build()) {
            List<TenantId> scheduled = new ArrayList<>();
            for (int hour = 0; hour <= 25; hour++) {
                schedule.runDue().forEach(j -> scheduled.add(j.tenant()));
                sim.time.advance(Duration.ofHours(1));
            }

            assertThat(scheduled)
                    .as("every 6 hours for a day, and nothing else")
                    .containsOnly(tenants.get(1))
                    .hasSizeBetween(4, 5);
            assertThat(sim.mapper.findByTenant(tenants.get(0)).orElseThrow().excluded())
                    .isTrue();
            assertThat(sim.mapper.findByTenant(tenants.get(1)).orElseThrow().interval())
                    .isEqualTo(Duration.ofHours(6));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> second.syncNow(tenants.get(0))))
                    .hasMessageContaining("excluded");
        }
    }

    @Test
    void controlsOfATenantThatIsNotMappedAreRefusedNamingTheFix() {
        TenantId unmapped = TenantId.of("9b2f6c1e-0000-4000-8000-000000000001");
        try (SyncEngine engine = sim.builder().scheduler(schedule).build()) {
            for (Runnable control : List.<Runnable>of(
                    () -> engine.exclude(unmapped),
                    () -> engine.include(unmapped),
                    () -> engine.interval(unmapped, Duration.ofHours(1)),
                    () -> engine.pause(unmapped))) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(control::run))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("tenant " + unmapped + " is not mapped to a company; map it with"
                                + " TenantMapper.map(...) first");
            }
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> engine.interval(unmapped, Duration.ofSeconds(30))))
                    .hasMessage("interval must be at least 1 minute, was PT30S");
        }
    }
}
