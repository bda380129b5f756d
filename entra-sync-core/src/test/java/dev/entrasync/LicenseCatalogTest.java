package dev.entrasync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LicenseCatalogTest {

    private static LicenseCatalog load(String resource) throws IOException {
        try (Reader reader = new InputStreamReader(
                LicenseCatalogTest.class.getResourceAsStream("/licensing/" + resource), StandardCharsets.UTF_8)) {
            return LicenseCatalog.fromCsv(reader);
        }
    }

    @Test
    void theBuiltInCatalogNamesCommonSkusAndFallsBackToThePartNumber() {
        LicenseCatalog builtIn = LicenseCatalog.builtIn();

        assertThat(builtIn.productName("SPE_E3")).contains("Microsoft 365 E3");
        assertThat(builtIn.productName("spb")).contains("Microsoft 365 Business Premium");
        assertThat(builtIn.productName("ENTERPRISEPACK")).contains("Office 365 E3");
        assertThat(builtIn.productName("O365_BUSINESS_PREMIUM")).contains("Microsoft 365 Business Standard");
        assertThat(builtIn.productName("NOT_A_SKU")).isEmpty();
        assertThat(builtIn.nameFor("00000000-0000-0000-0000-000000000001", "NOT_A_SKU"))
                .isEqualTo("NOT_A_SKU");
        assertThat(builtIn.size()).isGreaterThan(30);
    }

    @Test
    void microsoftsCsvLoadsWithItsByteOrderMarkQuotesLineBreaksAndOneRowPerServicePlan() throws IOException {
        LicenseCatalog csv = load("product-names.csv");

        assertThat(csv.size()).isEqualTo(3);
        assertThat(csv.productName("SPE_E3")).contains("Microsoft 365 E3");
        assertThat(csv.productName("CONTOSO_WIDGETS_PREMIUM")).contains("Contoso Widgets, Premium \"Plus\"");
        assertThat(csv.nameFor("6B1C2D3E-4F50-4A6B-8C7D-9E0F1A2B3C4D", null))
                .isEqualTo("Contoso Widgets, Premium \"Plus\"");
    }

    @Test
    void aLoadedCatalogExtendsAndOverridesTheBuiltInOne() throws IOException {
        LicenseCatalog both = LicenseCatalog.builtIn().with(load("product-names.csv"));

        assertThat(both.productName("ENTERPRISEPACK")).contains("Office 365 E3 (renamed in this file)");
        assertThat(both.productName("CONTOSO_WIDGETS_PREMIUM")).isPresent();
        assertThat(both.productName("SPB")).contains("Microsoft 365 Business Premium");
    }

    @Test
    void aFileWithoutMicrosoftsColumnsIsRefusedNamingTheColumn() {
        assertThatThrownBy(() -> load("wrong-header.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column Product_Display_Name")
                .hasMessageContaining("Product names and service plan identifiers for licensing");
    }

    @Test
    void aShortRowIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> load("short-row.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("nothing was loaded");
    }

    @Test
    void anEmptyFileOrAnUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> LicenseCatalog.fromCsv(new StringReader("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> LicenseCatalog.fromCsv(
                        new StringReader("Product_Display_Name,String_Id,GUID\n\"Open,SKU,guid\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("not closed");
    }
}
