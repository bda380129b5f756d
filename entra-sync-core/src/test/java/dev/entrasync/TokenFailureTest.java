package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenFailureTest {

    @Test
    void mapsEveryKnownCode() {
        assertThat(TokenFailure.forCode(7000215)).isEqualTo(TokenFailure.INVALID_SECRET);
        assertThat(TokenFailure.forCode(7000222)).isEqualTo(TokenFailure.SECRET_EXPIRED);
        assertThat(TokenFailure.forCode(700016)).isEqualTo(TokenFailure.APP_NOT_IN_TENANT);
        assertThat(TokenFailure.forCode(90002)).isEqualTo(TokenFailure.TENANT_NOT_FOUND);
        assertThat(TokenFailure.forCode(900023)).isEqualTo(TokenFailure.TENANT_MALFORMED);
        assertThat(TokenFailure.forCode(53003)).isEqualTo(TokenFailure.BLOCKED_BY_CONDITIONAL_ACCESS);
        assertThat(TokenFailure.forCode(7000112)).isEqualTo(TokenFailure.APP_DISABLED);
        assertThat(TokenFailure.forCode(900382)).isEqualTo(TokenFailure.WRONG_CLOUD);
        assertThat(TokenFailure.forCode(123)).isEqualTo(TokenFailure.UNKNOWN);
    }

    @Test
    void everyFailureHasWordsAndAFix() {
        for (TokenFailure f : TokenFailure.values()) {
            assertThat(f.cause()).as(f.name()).isNotBlank();
            assertThat(f.fix()).as(f.name()).isNotBlank();
        }
        assertThat(TokenFailure.INVALID_SECRET.isTransient()).isFalse();
        assertThat(TokenFailure.SERVICE_UNAVAILABLE.isTransient()).isTrue();
        assertThat(TokenFailure.SECRET_EXPIRED.isPermanent()).isTrue();
    }
}
