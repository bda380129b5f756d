package dev.entrasync.examples.mail;

import java.util.List;

/**
 * Whether and how the host mails reports. Mail is off unless the host turns it on: only then does the app
 * registration need {@code Mail.Send} ({@code PermissionManifest.of(datasets, csp, true)}).
 *
 * @param enabled whether to send anything
 * @param credentialName the credential whose home tenant holds the sending mailbox
 * @param from the sending mailbox in that tenant
 * @param to who receives reports and notices
 */
public record MailSettings(boolean enabled, String credentialName, String from, List<String> to) {

    public MailSettings {
        to = to == null ? List.of() : List.copyOf(to);
        if (enabled && (credentialName == null || from == null || to.isEmpty())) {
            throw new IllegalArgumentException(
                    "mail: enabled mail needs a credential, a sending mailbox and recipients");
        }
    }

    /** No mail at all. */
    public static MailSettings disabled() {
        return new MailSettings(false, null, null, List.of());
    }
}
