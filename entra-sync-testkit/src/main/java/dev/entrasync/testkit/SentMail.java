package dev.entrasync.testkit;

import java.time.Instant;
import java.util.List;

/**
 * A message the simulated Graph accepted through {@code POST /users/{id}/sendMail}. Read by tests
 * through {@link SimulatedCloud#sentMail()}. Immutable.
 *
 * @param tenantId the sending tenant
 * @param senderId the sending user's object id
 * @param senderUserPrincipalName the sending user's UPN
 * @param subject the message subject; empty when none
 * @param body the message body content (text or HTML); empty when none
 * @param toRecipients the addresses of {@code toRecipients}
 * @param saveToSentItems the request's {@code saveToSentItems} (default true)
 * @param rawJson the request body as sent
 * @param timestamp when it was accepted, by the cloud's clock
 */
public record SentMail(
        String tenantId,
        String senderId,
        String senderUserPrincipalName,
        String subject,
        String body,
        List<String> toRecipients,
        boolean saveToSentItems,
        String rawJson,
        Instant timestamp) {

    /** Copies the recipient list. */
    public SentMail {
        toRecipients = List.copyOf(toRecipients);
    }
}
