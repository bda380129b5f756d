package dev.entrasync.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorProbeTest {

    @Test
    void measuresBothRequestsAtEachConcurrency() throws Exception {
        List<SimulatorProbe.Probe> probes = SimulatorProbe.run(List.of(1, 2), Duration.ZERO, Duration.ofMillis(200));

        assertThat(probes).hasSize(4).allSatisfy(p -> {
            assertThat(p.requests()).isPositive();
            assertThat(p.requestsPerSecond()).isPositive();
        });
        assertThat(probes).extracting(SimulatorProbe.Probe::concurrency).containsExactly(1, 2, 1, 2);
    }
}
