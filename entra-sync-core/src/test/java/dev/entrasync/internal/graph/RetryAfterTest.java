package dev.entrasync.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final FakeTime time = new FakeTime(Instant.parse("2026-11-22T08:00:00Z"));

    @Test
    void readsWholeAndFractionalSeconds() {
        assertThat(RetryAfter.parse("7", time)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("2.128", time)).contains(Duration.ofMillis(2128));
    }

    @Test
    void readsAnHttpDateRelativeToTheClock() {
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 08:00:30 GMT", time)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 07:00:00 GMT", time)).contains(Duration.ZERO);
    }

    @Test
    void ignoresGarbage() {
        assertThat(RetryAfter.parse(null, time)).isEmpty();
        assertThat(RetryAfter.parse("soon", time)).isEmpty();
        assertThat(RetryAfter.parse("-3", time)).isEmpty();
    }
}
