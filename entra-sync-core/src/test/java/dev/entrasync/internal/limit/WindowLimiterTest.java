package dev.entrasync.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Graph's reports limit, 5 requests in any 10 s as Graph counts them: the first five go at once, the sixth waits until
 * 10 s after the first one's answer.
 */
class WindowLimiterTest {

    private final FakeTime time = new FakeTime();
    private final WindowLimiter limiter = new WindowLimiter(5, Duration.ofSeconds(10), time, time);

    @Test
    void grantsTheWholeLimitAtOnceThenWaitsForTheOldestPermitToLeaveTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            Permit permit = limiter.acquire();
            assertThat(permit.waited()).isZero();
            permit.release();
        }
        assertThat(limiter.reserve().waited()).isEqualTo(Duration.ofSeconds(10));
        time.advance(Duration.ofSeconds(3));
        assertThat(limiter.reserve().waited())
                .isEqualTo(Duration.ofSeconds(7)); // the second permit, also answered at 0
    }

    @Test
    void aPermitCountsFromItsAnswerNotFromItsGrant() throws Exception {
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            permits.add(limiter.acquire());
        }
        // The five requests reached Graph late: their answers came 4 s after the grants.
        time.advance(Duration.ofSeconds(4));
        permits.forEach(Permit::release);

        assertThat(limiter.reserve().waited())
                .as("a sixth request 10 s after the grants could be the sixth Graph counts in 10 s")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void whileEveryPermitsRequestIsUnansweredTheNextWaitsForAnAnswer() throws Exception {
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            permits.add(limiter.acquire());
        }
        AtomicReference<Permit> sixth = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                sixth.set(limiter.reserve());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING && waiter.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(sixth.get()).isNull();

        time.advance(Duration.ofSeconds(2));
        permits.get(3).release();
        waiter.join();

        assertThat(sixth.get().waited()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aQuietLimiterGrantsAtOnce() throws Exception {
        limiter.acquire().release();
        time.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire().waited()).isZero();
        }
    }

    @Test
    void neverGrantsMoreThanTheLimitInAnyWindow() throws Exception {
        List<Instant> granted = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                time.advance(Duration.ofMillis(ThreadLocalRandom.current().nextInt(8_000)));
            }
            Permit permit = limiter.acquire();
            granted.add(time.instant());
            time.advance(Duration.ofMillis(ThreadLocalRandom.current().nextInt(500))); // the request's round trip
            permit.release();
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
