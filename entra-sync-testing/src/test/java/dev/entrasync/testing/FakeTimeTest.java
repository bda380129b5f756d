package dev.entrasync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FakeTimeTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void sleepingRecordsTheWaitAndMovesTheClockAtOnce() {
        long started = System.nanoTime();
        time.sleep(Duration.ofHours(1));
        time.sleep(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T01:00:05Z"));
        assertThat(time.sleeps()).containsExactly(Duration.ofHours(1), Duration.ofSeconds(5));
        assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(3605));
    }

    @Test
    void zeroAndNegativeSleepsAreNeitherRecordedNorApplied() {
        time.sleep(Duration.ZERO);
        time.sleep(Duration.ofSeconds(-3));

        assertThat(time.sleeps()).isEmpty();
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void advanceAndSetMoveTheClockWithoutRecordingASleep() {
        assertThat(time.advance(Duration.ofMinutes(2)).instant()).isEqualTo(Instant.parse("2026-01-01T00:02:00Z"));
        assertThat(time.set(Instant.parse("2030-05-05T05:05:05Z")).millis())
                .isEqualTo(Instant.parse("2030-05-05T05:05:05Z").toEpochMilli());
        assertThat(time.advance(Duration.ofSeconds(-5)).instant()).isEqualTo(Instant.parse("2030-05-05T05:05:00Z"));
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aClockInAnotherZoneMovesWithIt() {
        var paris = time.withZone(ZoneId.of("Europe/Paris"));
        time.advance(Duration.ofDays(1));

        assertThat(paris.instant()).isEqualTo(time.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(time.getZone().getId()).isEqualTo("Z");
        assertThat(new FakeTime().instant()).isEqualTo(FakeTime.DEFAULT_START);
    }

    @Test
    void manyThreadsSleepingAddUpExactly() throws Exception {
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 1000; j++) {
                    time.sleep(Duration.ofMillis(1));
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(time.sleeps()).hasSize(8000);
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:08Z"));
    }
}
