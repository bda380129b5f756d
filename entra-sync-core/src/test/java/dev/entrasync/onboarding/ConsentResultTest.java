package dev.entrasync.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.internal.onboarding.ConsentErrors;
import org.junit.jupiter.api.Test;

/** What a consent redirect's query carries reaches the messages hosts log only on one line, escaped and bounded. */
class ConsentResultTest {

    private static ConsentResult declined(String error, String description) {
        ConsentErrors.Explained why = ConsentErrors.explain(error, description);
        return new ConsentResult.Declined(error, description, why.aadstsCode(), why.words(), why.fix());
    }

    @Test
    void aDeclineCannotForgeALogLine() {
        String forged = "AADSTS65004: User declined.\r\n2026-12-07 INFO ConsentFlow - Admin consent verified for"
                + " tenant 72f988bf-86f1-41af-91ab-2d7cd011db47\u2028\u202E";

        String message = declined("access_denied\nINFO forged", forged).message();

        assertThat(message)
                .doesNotContain("\n")
                .doesNotContain("\r")
                .doesNotContain("\u2028")
                .doesNotContain("\u202E")
                .contains("User declined.\\u000D\\u000A2026-12-07 INFO")
                .contains("\\u2028\\u202E")
                .contains("access_denied\\u000AINFO forged");
        assertThat(new ConsentResult.Cancelled("access_denied", "AADSTS65004\u0085next line").message())
                .contains("AADSTS65004\\u0085next line")
                .doesNotContain("\u0085");
    }

    @Test
    void aHugeDescriptionIsCut() {
        String message =
                declined("access_denied", "AADSTS65004: " + "x".repeat(100_000)).message();

        assertThat(message)
                .hasSizeLessThan(3 * ConsentResult.QUOTED_LIMIT + 400)
                .contains("x…)");
    }

    @Test
    void anOrdinaryDeclineReadsAsBefore() {
        assertThat(declined("access_denied", "AADSTS65004: User declined to consent to access the app.")
                        .message())
                .endsWith("(Microsoft: access_denied: AADSTS65004: User declined to consent to access the app.)");
    }
}
