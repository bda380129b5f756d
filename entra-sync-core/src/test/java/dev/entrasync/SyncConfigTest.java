package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncConfigTest {

    /** Every setting away from its default. */
    private static SyncConfig everySettingChanged() {
        return SyncConfig.custom()
                .workers(3)
                .interval(Duration.ofHours(6))
                .tick(Duration.ofSeconds(5))
                .deltaMaxAge(Duration.ofDays(2))
                .auditOverlap(Duration.ofMinutes(10))
                .firstRunLookback(Duration.ofDays(7))
                .build();
    }

    @Test
    void defaultsAreEightWorkersADailySyncAThirtySecondTickAndTheFetchWindows() {
        SyncConfig config = SyncConfig.ofDefaults();

        assertThat(config.workers()).isEqualTo(8);
        assertThat(config.interval()).isEqualTo(Duration.ofHours(24));
        assertThat(config.tick()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.deltaMaxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(config.auditOverlap()).isEqualTo(Duration.ofHours(1));
        assertThat(config.firstRunLookback()).isEqualTo(Duration.ofDays(30));
        assertThat(SyncConfig.custom().build()).isEqualTo(config);
    }

    @Test
    void fromCopiesEverySettingOfItsBase() {
        SyncConfig base = everySettingChanged();

        SyncConfig copy = SyncConfig.from(base).build();

        assertThat(copy.workers()).isEqualTo(3);
        assertThat(copy.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(copy.tick()).isEqualTo(Duration.ofSeconds(5));
        assertThat(copy.deltaMaxAge()).isEqualTo(Duration.ofDays(2));
        assertThat(copy.auditOverlap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(copy.firstRunLookback()).isEqualTo(Duration.ofDays(7));
        assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(SyncConfig.from(base).workers(1).build().interval()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void toStringShowsEverySetting() {
        assertThat(everySettingChanged().toString())
                .contains(
                        "workers=3",
                        "interval=PT6H",
                        "tick=PT5S",
                        "deltaMaxAge=PT48H",
                        "auditOverlap=PT10M",
                        "firstRunLookback=PT168H");
    }

    @Test
    void workersMustBeAtLeastOne() {
        assertThatThrownBy(() -> SyncConfig.custom().workers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workers must be at least 1, was 0");
    }

    @Test
    void intervalMustBeAtLeastOneMinute() {
        assertThatThrownBy(() -> SyncConfig.custom().interval(Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be at least 1 minute, was PT59S");
        assertThatThrownBy(() -> SyncConfig.custom().interval(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be at least 1 minute, was null");
    }

    @Test
    void tickMustBePositive() {
        assertThatThrownBy(() -> SyncConfig.custom().tick(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tick must be positive, was PT0S");
    }

    @Test
    void deltaMaxAgeMustBePositive() {
        assertThatThrownBy(() -> SyncConfig.custom().deltaMaxAge(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deltaMaxAge must be positive, was PT0S");
    }

    @Test
    void auditOverlapMustNotBeNegative() {
        assertThatThrownBy(() -> SyncConfig.custom().auditOverlap(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auditOverlap must not be negative, was PT-1M");
        assertThat(SyncConfig.custom().auditOverlap(Duration.ZERO).build().auditOverlap())
                .isZero();
    }

    @Test
    void firstRunLookbackMustBePositive() {
        assertThatThrownBy(() -> SyncConfig.custom().firstRunLookback(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstRunLookback must be positive, was null");
    }
}
