package dev.entrasync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every example runs against the simulated cloud and prints what it promises. */
class ExamplesTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureStdout() {
        original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStartSyncsTheCompanysTenant() throws Exception {
        QuickStart.main();

        assertThat(printed()).containsPattern("acme: SUCCEEDED, 1260 users in [0-9]+ requests");
    }

    @Test
    void mailReportMailsSummariesAndNotices() throws Exception {
        MailReport.main();

        String from = "Mailed [noc@northwind.example] from reports@northwindmsp.onmicrosoft.com: ";
        assertThat(printed()).contains(from + "Contoso: Entra ID summary").contains(from + "Litware: Entra ID summary")
                .contains(from + "Litware: sync failing")
                .containsPattern("Client secret of 'northwind' expires in (9|10) days");
    }
}
