package dev.entrasync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaledClockTest {

    @Test
    void readsRealTimeMultipliedFromItsAnchor() {
        Instant real = Instant.now().minusSeconds(10);
        ScaledClock clock = new ScaledClock(new ScaledClock.Anchor(Instant.parse("2026-01-01T00:00:00Z"), real, 60));

        assertThat(clock.instant()).isBetween(Instant.parse("2026-01-01T00:10:00Z"),
                Instant.parse("2026-01-01T00:20:00Z"));
    }

    @Test
    void rescalingNeverTurnsTimeBack() {
        ScaledClock clock = new ScaledClock(new ScaledClock.Anchor(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.now().minusSeconds(5), 100));
        Instant before = clock.instant();

        clock.rescale(1);

        assertThat(clock.instant()).isAfterOrEqualTo(before).isBefore(before.plus(Duration.ofMinutes(1)));
        assertThat(clock.factor()).isEqualTo(1);
    }

    @Test
    void anotherJvmWithTheSameAnchorReadsTheSameTime() {
        ScaledClock.Anchor anchor = new ScaledClock.Anchor(Instant.parse("2026-01-01T00:00:00Z"), Instant.now(), 50);
        ScaledClock here = new ScaledClock(anchor);
        ScaledClock there = new ScaledClock(anchor);

        assertThat(Duration.between(here.instant(), there.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesToRunSlowerThanRealTime() {
        assertThatThrownBy(() -> new ScaledClock.Anchor(Instant.now(), Instant.now(), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
