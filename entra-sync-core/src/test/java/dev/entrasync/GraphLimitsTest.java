package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphLimitsTest {

    /** Every setting away from its default. */
    private static GraphLimits everySettingChanged() {
        return GraphLimits.custom()
                .tenantRequestsPerSecond(7.5)
                .tenantBurst(9)
                .tenantConcurrency(3)
                .globalConcurrency(11)
                .maxAttempts(4)
                .throttledAttempts(6)
                .backoffBase(Duration.ofMillis(700))
                .backoffMax(Duration.ofSeconds(40))
                .tokenRenewBefore(Duration.ofMinutes(2))
                .maxRetryAfter(Duration.ofMinutes(3))
                .maxWaitPerDataset(Duration.ofMinutes(9))
                .maxPages(123)
                .build();
    }

    @Test
    void defaultsBoundASingleRetryAfterTheWaitsOfADatasetAndThePagesOfARead() {
        GraphLimits limits = GraphLimits.ofDefaults();

        assertThat(limits.maxRetryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limits.maxWaitPerDataset()).isEqualTo(Duration.ofMinutes(15));
        assertThat(limits.maxPages()).isEqualTo(20_000);
    }

    @Test
    void aCustomBuilderStartsFromTheDefaultsAndChangesOnlyWhatItIsGiven() {
        GraphLimits limits = GraphLimits.custom()
                .tenantRequestsPerSecond(10)
                .tenantBurst(20)
                .maxAttempts(3)
                .build();

        assertThat(limits.tenantRequestsPerSecond()).isEqualTo(10);
        assertThat(limits.tenantBurst()).isEqualTo(20);
        assertThat(limits.maxAttempts()).isEqualTo(3);
        assertThat(limits.maxRetryAfter()).isEqualTo(GraphLimits.DEFAULT_MAX_RETRY_AFTER);
        assertThat(limits.maxWaitPerDataset()).isEqualTo(GraphLimits.DEFAULT_MAX_WAIT_PER_DATASET);
        assertThat(limits.maxPages()).isEqualTo(GraphLimits.DEFAULT_MAX_PAGES);
        assertThat(GraphLimits.custom().build()).isEqualTo(GraphLimits.ofDefaults());
    }

    @Test
    void fromCopiesEverySettingOfItsBase() {
        GraphLimits base = everySettingChanged();

        GraphLimits copy = GraphLimits.from(base).build();

        assertThat(copy.tenantRequestsPerSecond()).isEqualTo(7.5);
        assertThat(copy.tenantBurst()).isEqualTo(9);
        assertThat(copy.tenantConcurrency()).isEqualTo(3);
        assertThat(copy.globalConcurrency()).isEqualTo(11);
        assertThat(copy.maxAttempts()).isEqualTo(4);
        assertThat(copy.throttledAttempts()).isEqualTo(6);
        assertThat(copy.backoffBase()).isEqualTo(Duration.ofMillis(700));
        assertThat(copy.backoffMax()).isEqualTo(Duration.ofSeconds(40));
        assertThat(copy.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(2));
        assertThat(copy.maxRetryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(copy.maxWaitPerDataset()).isEqualTo(Duration.ofMinutes(9));
        assertThat(copy.maxPages()).isEqualTo(123);
        assertThat(copy).isEqualTo(base).hasSameHashCodeAs(base);
    }

    @Test
    void fromChangesOnlyWhatItIsGivenAndLeavesTheBaseAlone() {
        GraphLimits base = everySettingChanged();

        GraphLimits changed = GraphLimits.from(base).maxPages(50).build();

        assertThat(changed.maxPages()).isEqualTo(50);
        assertThat(changed.maxRetryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(base.maxPages()).isEqualTo(123);
        assertThatThrownBy(() -> GraphLimits.from(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("base");
    }

    @Test
    void toStringShowsEverySetting() {
        assertThat(everySettingChanged().toString())
                .contains(
                        "tenantRequestsPerSecond=7.5",
                        "tenantBurst=9",
                        "tenantConcurrency=3",
                        "globalConcurrency=11",
                        "maxAttempts=4",
                        "throttledAttempts=6",
                        "backoffBase=PT0.7S",
                        "backoffMax=PT40S",
                        "tokenRenewBefore=PT2M",
                        "maxRetryAfter=PT3M",
                        "maxWaitPerDataset=PT9M",
                        "maxPages=123");
    }

    @Test
    void tenantRequestsPerSecondMustBePositive() {
        assertThatThrownBy(() -> GraphLimits.custom().tenantRequestsPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenantRequestsPerSecond must be positive and finite, was 0.0");
        assertThatThrownBy(() -> GraphLimits.custom().tenantRequestsPerSecond(Double.NaN))
                .hasMessageContaining("tenantRequestsPerSecond");
        assertThatThrownBy(() -> GraphLimits.custom().tenantRequestsPerSecond(Double.POSITIVE_INFINITY))
                .hasMessageContaining("tenantRequestsPerSecond");
    }

    @Test
    void tenantBurstMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().tenantBurst(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenantBurst must be at least 1, was 0");
    }

    @Test
    void tenantConcurrencyMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().tenantConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenantConcurrency must be at least 1, was 0");
    }

    @Test
    void globalConcurrencyMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().globalConcurrency(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("globalConcurrency must be at least 1, was -1");
    }

    @Test
    void globalConcurrencyMustBeAtLeastTenantConcurrency() {
        assertThatThrownBy(() -> GraphLimits.custom()
                        .tenantConcurrency(8)
                        .globalConcurrency(4)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("globalConcurrency must be at least tenantConcurrency (8), was 4");
    }

    @Test
    void maxAttemptsMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1, was 0");
    }

    @Test
    void throttledAttemptsMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().throttledAttempts(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("throttledAttempts must be at least 1, was 0");
    }

    @Test
    void backoffBaseMustBePositive() {
        assertThatThrownBy(() -> GraphLimits.custom().backoffBase(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffBase must be positive, was PT0S");
        assertThatThrownBy(() -> GraphLimits.custom().backoffBase(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffBase must be positive, was null");
    }

    @Test
    void backoffMaxMustBePositive() {
        assertThatThrownBy(() -> GraphLimits.custom().backoffMax(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffMax must be positive, was PT-1S");
    }

    @Test
    void backoffMaxMustBeAtLeastBackoffBase() {
        assertThatThrownBy(() -> GraphLimits.custom()
                        .backoffBase(Duration.ofSeconds(10))
                        .backoffMax(Duration.ofSeconds(5))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backoffMax must be at least backoffBase (PT10S), was PT5S");
    }

    @Test
    void tokenRenewBeforeMustNotBeNegative() {
        assertThatThrownBy(() -> GraphLimits.custom().tokenRenewBefore(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenRenewBefore must not be negative, was PT-1S");
        assertThat(GraphLimits.custom().tokenRenewBefore(Duration.ZERO).build().tokenRenewBefore())
                .isZero();
    }

    @Test
    void maxRetryAfterMustNotBeNegative() {
        assertThatThrownBy(() -> GraphLimits.custom().maxRetryAfter(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetryAfter must not be negative, was PT-1S");
    }

    @Test
    void maxWaitPerDatasetMustNotBeNegative() {
        assertThatThrownBy(() -> GraphLimits.custom().maxWaitPerDataset(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxWaitPerDataset must not be negative, was null");
    }

    @Test
    void maxPagesMustBeAtLeastOne() {
        assertThatThrownBy(() -> GraphLimits.custom().maxPages(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPages must be at least 1, was 0");
    }
}
