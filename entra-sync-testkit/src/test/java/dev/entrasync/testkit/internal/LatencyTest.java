package dev.entrasync.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void growsWithTheObjectsReturned() {
        Latency latency = new Latency(Duration.ofMillis(50), Duration.ofMillis(1));

        assertThat(latency.nanos(0)).isEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(latency.nanos(999)).isEqualTo(Duration.ofMillis(1049).toNanos());
    }

    @Test
    void holdsBackTheResponseHeaders() {
        SimResponse response = SimResponse.json(200, Map.of("value", java.util.List.of()));

        assertThat(SimServer.toMockResponse(response, 1234).getHeadersDelayNanos())
                .isEqualTo(1234);
    }

    @Test
    void refusesNegativeDurations() {
        assertThatThrownBy(() -> new Latency(Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
