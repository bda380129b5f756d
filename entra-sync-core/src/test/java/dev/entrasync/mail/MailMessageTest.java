package dev.entrasync.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailMessageTest {

    @Test
    void trimsAddresses() {
        MailMessage message = MailMessage.text(" reports@msp.example ", List.of(" ops@msp.example"), "s", "b");

        assertThat(message.from()).isEqualTo("reports@msp.example");
        assertThat(message.to()).containsExactly("ops@msp.example");
        assertThat(message.html()).isFalse();
    }

    @Test
    void rejectsABlankSender() {
        assertThatThrownBy(() -> MailMessage.text(" ", List.of("ops@msp.example"), "s", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("from:");
    }

    @Test
    void rejectsASenderThatIsAPath() {
        assertThatThrownBy(() -> MailMessage.text("a/../b", List.of("ops@msp.example"), "s", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("from:");
    }

    @Test
    void rejectsNoRecipients() {
        assertThatThrownBy(() -> MailMessage.text("reports@msp.example", List.of(), "s", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("to:");
    }

    @Test
    void rejectsAMalformedRecipient() {
        assertThatThrownBy(() -> MailMessage.text("reports@msp.example", List.of("ops at msp"), "s", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ops at msp' is not an email address");
    }

    @Test
    void rejectsANullBody() {
        assertThatThrownBy(() -> MailMessage.html("reports@msp.example", List.of("ops@msp.example"), "s", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("body:");
    }
}
