package dev.entrasync.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaledTimeTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theClockRunsFactorTimesFasterThanRealTime() throws Exception {
        ScaledTime time = new ScaledTime(START, 60);
        Thread.sleep(200);

        Duration simulated = Duration.between(START, time.instant());
        assertThat(simulated).isBetween(Duration.ofSeconds(11), Duration.ofSeconds(60));
    }

    @Test
    void sleepingWaitsTheDurationDividedByTheFactor() throws Exception {
        ScaledTime time = new ScaledTime(START, 100);
        long started = System.nanoTime();
        time.sleep(Duration.ofSeconds(20));

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(190), Duration.ofSeconds(5));
        assertThat(time.instant()).isAfterOrEqualTo(START.plusSeconds(19));
        assertThat(time.real(Duration.ofMinutes(1))).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void sleepUntilReturnsOnceTheClockReadsTheInstant() throws Exception {
        ScaledTime time = new ScaledTime(START, 50);
        time.sleepUntil(START.plusSeconds(10));
        assertThat(time.instant()).isAfterOrEqualTo(START.plusSeconds(10));

        long started = System.nanoTime();
        time.sleepUntil(START);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
    }

    @Test
    void twoClocksOnOneAnchorReadTheSameTime() {
        ScaledTime.Anchor anchor = new ScaledTime.Anchor(START, Instant.now(), 50);
        ScaledTime here = new ScaledTime(anchor);
        ScaledTime there = new ScaledTime(anchor);

        assertThat(Duration.between(here.instant(), there.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(here.anchor()).isEqualTo(anchor);
    }

    @Test
    void rescalingKeepsTheTimeReadAndChangesTheSpeed() throws Exception {
        ScaledTime time = ScaledTime.realTime();
        assertThat(time.factor()).isEqualTo(1);
        assertThat(Duration.between(Instant.now(), time.instant()).abs()).isLessThan(Duration.ofSeconds(1));

        Instant before = time.instant();
        time.rescale(1000);
        assertThat(time.factor()).isEqualTo(1000);
        assertThat(Duration.between(before, time.instant())).isLessThan(Duration.ofMinutes(1));
        Thread.sleep(100);
        assertThat(Duration.between(before, time.instant())).isGreaterThan(Duration.ofSeconds(50));
    }

    @Test
    void aFactorBelowOneIsRefused() {
        assertThatThrownBy(() -> new ScaledTime.Anchor(Instant.now(), Instant.now(), 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ScaledTime(START, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
