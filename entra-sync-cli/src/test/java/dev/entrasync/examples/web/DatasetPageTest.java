package dev.entrasync.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The untrusted parts of a company tab's query string, and cells in the viewer's locale. */
class DatasetPageTest {

    @Test
    void aPageNumberIsAWholeNumberFromOneAndAnythingElseIsPageOne() {
        assertThat(DatasetPage.pageNumber("3")).isEqualTo(3);
        assertThat(DatasetPage.pageNumber(" 7 ")).isEqualTo(7);
        for (String forged : new String[] {null, "", "0", "-1", "1.5", "1e3", "0x10", "1 OR 1=1", "١٢"}) {
            assertThat(DatasetPage.pageNumber(forged)).as(forged).isEqualTo(1);
        }
        assertThat(DatasetPage.pageNumber("9".repeat(30))).isEqualTo(Integer.MAX_VALUE / DatasetPage.SIZE);
        assertThat(DatasetPage.pageNumber("9".repeat(41))).isEqualTo(1);
    }

    @Test
    void aSearchIsTrimmedCappedOrNone() {
        assertThat(DatasetPage.search("  ann ")).isEqualTo("ann");
        assertThat(DatasetPage.search("   ")).isNull();
        assertThat(DatasetPage.search("x".repeat(500))).hasSize(DatasetPage.MAX_SEARCH);
    }

    @Test
    void datesFollowAcceptLanguageAndKeepTheInstant() {
        Instant at = Instant.parse("2026-03-10T09:05:00Z");

        assertThat(Cells.forAcceptLanguage("de-DE,de;q=0.9").time(at))
                .isEqualTo("<time datetime=\"2026-03-10T09:05:00Z\" title=\"2026-03-10T09:05:00Z\">10.03.2026, 09:05"
                        + " UTC</time>");
        assertThat(Cells.forAcceptLanguage("fr").time(at)).contains(">10 mars 2026");
        assertThat(Cells.locale("not a; header;;")).isEqualTo(Locale.ENGLISH);
        assertThat(Cells.locale(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Cells.locale("x".repeat(600))).isEqualTo(Locale.ENGLISH);
        assertThat(Cells.forAcceptLanguage("en").time(null)).isEmpty();
        assertThat(Cells.yesNo(true)).isEqualTo("Yes");
        assertThat(Cells.yesNo(false)).isEqualTo("No");
        assertThat(Cells.yesNo(null)).isEmpty();
    }
}
