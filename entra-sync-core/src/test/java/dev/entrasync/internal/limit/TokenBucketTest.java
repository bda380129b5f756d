package dev.entrasync.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsABurstThenPacesAtTheRate() throws Exception {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(10, 5, time, time);

        for (int i = 0; i < 5; i++) {
            assertThat(bucket.acquire().waited()).isZero();
        }
        assertThat(bucket.acquire().waited()).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.acquire().waited()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void neverExceedsTheRateInAnyWindow() throws Exception {
        FakeTime time = new FakeTime();
        TokenBucket bucket = new TokenBucket(5, 5, time, time);
        java.util.List<java.time.Instant> sent = new java.util.ArrayList<>();

        for (int i = 0; i < 200; i++) {
            bucket.acquire();
            sent.add(time.instant());
        }

        for (int i = 0; i < sent.size(); i++) {
            java.time.Instant start = sent.get(i);
            long inWindow = sent.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(10)))
                    .count();
            assertThat(inWindow).isLessThanOrEqualTo(5 + 50);
        }
    }
}
