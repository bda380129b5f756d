package dev.entrasync.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Graph's reports limit, 5 requests in any 10 s: the first five go at once, the sixth waits for the first to age out. */
class WindowLimiterTest {

    private final FakeTime time = new FakeTime();
    private final WindowLimiter limiter = new WindowLimiter(5, Duration.ofSeconds(10), time, time);

    @Test
    void grantsTheWholeLimitAtOnceThenWaitsForTheOldestPermitToLeaveTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire()).isZero();
        }
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(10));
        time.advance(Duration.ofSeconds(3));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(7)); // the second permit, also granted at 0
    }

    @Test
    void aQuietLimiterGrantsAtOnce() throws Exception {
        assertThat(limiter.acquire()).isZero();
        time.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire()).isZero();
        }
    }

    @Test
    void neverGrantsMoreThanTheLimitInAnyWindow() throws Exception {
        List<Instant> granted = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                time.advance(Duration.ofMillis(ThreadLocalRandom.current().nextInt(8_000)));
            }
            limiter.acquire();
            granted.add(time.instant());
        }

        for (Instant start : granted) {
            long inWindow = granted.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(10)))
                    .count();
            assertThat(inWindow).as("permits in the 10 s from " + start).isLessThanOrEqualTo(5);
        }
        assertThat(granted).isSorted();
    }
}
