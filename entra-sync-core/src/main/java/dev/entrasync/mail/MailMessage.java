package dev.entrasync.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One message for {@link MailSender}: who sends it, to whom, and what it says. Immutable; every
 * invalid field is refused at construction with a message naming it.
 *
 * @param from the sending mailbox: a user principal name or object id of a user with a mailbox in the
 *     credential's home tenant, e.g. {@code reports@partner.example}
 * @param to the recipients' addresses; at least one
 * @param subject the subject line; never null (may be empty)
 * @param body the body; never null
 * @param html whether {@code body} is HTML (else plain text)
 */
public record MailMessage(String from, List<String> to, String subject, String body, boolean html) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    /**
     * Validates the components; the sender and each recipient are trimmed and the recipients copied into an
     * unmodifiable list.
     *
     * @param from the sending mailbox's user principal name or object id; not blank, without whitespace or {@code /}
     * @param to the recipients' email addresses; not null, at least one, each of the form {@code name@domain}
     * @param subject the subject line; never null, may be empty
     * @param body the body; never null, may be empty
     * @param html true if {@code body} is HTML, false for plain text
     * @throws IllegalArgumentException naming the field, for a blank sender, no or malformed recipients, or a null
     *     subject or body
     */
    public MailMessage {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException(
                    "from: must name the sending mailbox (a user principal name or object id)");
        }
        from = from.trim();
        if (from.contains("/") || from.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("from: '" + from + "' is not a user principal name or object id");
        }
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("to: name at least one recipient");
        }
        to = to.stream().map(a -> a == null ? "" : a.trim()).toList();
        for (String address : to) {
            if (!ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("to: '" + address + "' is not an email address");
            }
        }
        if (subject == null) {
            throw new IllegalArgumentException("subject: must not be null (use \"\" for none)");
        }
        if (body == null) {
            throw new IllegalArgumentException("body: must not be null (use \"\" for none)");
        }
    }

    /**
     * A plain-text message.
     *
     * @param from the sending mailbox's user principal name or object id; not blank
     * @param to the recipients' email addresses; at least one
     * @param subject the subject line; never null, may be empty
     * @param body the plain-text body; never null, may be empty
     * @return a new plain-text message; never null
     * @throws IllegalArgumentException naming the field, as the canonical constructor
     */
    public static MailMessage text(String from, List<String> to, String subject, String body) {
        return new MailMessage(from, to, subject, body, false);
    }

    /**
     * An HTML message.
     *
     * @param from the sending mailbox's user principal name or object id; not blank
     * @param to the recipients' email addresses; at least one
     * @param subject the subject line; never null, may be empty
     * @param body the HTML body; never null, may be empty
     * @return a new HTML message; never null
     * @throws IllegalArgumentException naming the field, as the canonical constructor
     */
    public static MailMessage html(String from, List<String> to, String subject, String body) {
        return new MailMessage(from, to, subject, body, true);
    }
}
