package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphLimitsTest {

    @Test
    void defaultsBoundASingleRetryAfterTheWaitsOfADatasetAndThePagesOfARead() {
        GraphLimits limits = GraphLimits.defaults();

        assertThat(limits.maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limits.maxWaitPerDataset()).isEqualTo(Duration.ofMinutes(15));
        assertThat(limits.maxPages()).isEqualTo(20_000);
    }

    @Test
    void theNineValueConstructorKeepsWorkingWithTheDefaultBounds() {
        GraphLimits limits = new GraphLimits(10, 20, 2, 8, 3, 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(5));

        assertThat(limits.maxRetryAfter()).isEqualTo(GraphLimits.DEFAULT_MAX_RETRY_AFTER);
        assertThat(limits.maxWaitPerDataset()).isEqualTo(GraphLimits.DEFAULT_MAX_WAIT_PER_DATASET);
        assertThat(limits.maxPages()).isEqualTo(GraphLimits.DEFAULT_MAX_PAGES);
    }

    @Test
    void withersKeepTheBoundsAndReplaceOnlyTheirOwnValues() {
        GraphLimits limits = GraphLimits.defaults().withWaitBounds(Duration.ofMinutes(1), Duration.ofMinutes(3))
                .withMaxPages(50).withMaxAttempts(2).withTenantRate(5, 5);

        assertThat(limits.maxRetryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(limits.maxWaitPerDataset()).isEqualTo(Duration.ofMinutes(3));
        assertThat(limits.maxPages()).isEqualTo(50);
        assertThat(limits.maxAttempts()).isEqualTo(2);
    }

    @Test
    void outOfRangeBoundsAreRefusedNamingTheField() {
        GraphLimits limits = GraphLimits.defaults();

        assertThatThrownBy(() -> limits.withWaitBounds(Duration.ofSeconds(-1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> limits.withWaitBounds(Duration.ofMinutes(1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWaitPerDataset");
        assertThatThrownBy(() -> limits.withMaxPages(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPages");
    }
}
