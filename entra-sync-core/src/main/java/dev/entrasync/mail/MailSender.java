package dev.entrasync.mail;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.GraphException;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.TokenException;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.SendMail;
import dev.entrasync.internal.runtime.RuntimeViews;
import dev.entrasync.internal.runtime.SharedParts;
import java.util.Objects;

/**
 * Sends mail through Microsoft Graph, app-only: {@code POST /users/{from}/sendMail} in the credential's
 * home tenant (the partner's own tenant, where the sending mailbox lives), with the same token cache,
 * throttling and retries as syncing. Needs the {@code Mail.Send} application permission, granted in the
 * home tenant — only hosts that enable mail ask for it.
 *
 * <pre>{@code
 * MailSender mail = entra.mail();   // from the host's EntraSync runtime
 * mail.send("default", MailMessage.text("reports@partner.example", List.of("ops@partner.example"),
 *         "Contoso: sync failing", "..."));
 * }</pre>
 *
 * <p>Obtained from the host's {@link dev.entrasync.runtime.EntraSync} runtime, whose credential store, HTTP stack,
 * token cache and budgets it uses; thread-safe. It owns nothing to close; use it only while the runtime is
 * open.
 * {@code Mail.Send} lets an app send as any mailbox of the tenant; an administrator can narrow it to the
 * sending mailbox with an Exchange application access policy.
 */
public final class MailSender {

    static {
        // the runtime's way in (EntraSync#mail()), without a public method taking an internal type
        RuntimeViews.register(MailSender.class, MailSender::new);
    }

    private final CredentialStore credentials;
    private final GraphTransport transport;

    private MailSender(SharedParts shared) {
        this.credentials = shared.credentials();
        this.transport = shared.transport();
    }

    /**
     * Sends the message from the credential's home tenant. One Graph request (more only when Graph
     * throttles or fails and the request is retried; a retried 5xx may rarely deliver twice).
     *
     * @param credentialName the name of the credential whose home tenant sends; never null
     * @param message the message to send; never null
     * @throws IllegalArgumentException if the credential is unknown
     * @throws TokenException if no token can be had for the home tenant
     * @throws MissingPermissionException if the app lacks {@code Mail.Send} in the home tenant
     * @throws GraphException if Graph refuses otherwise (for example, 404 when the sender has no mailbox)
     * @throws NullPointerException if {@code credentialName} or {@code message} is null
     */
    public void send(String credentialName, MailMessage message) {
        Objects.requireNonNull(message, "message");
        AppCredential credential = credentials
                .find(Objects.requireNonNull(credentialName, "credentialName"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "credentialName: no credential named '" + credentialName + "' in the credential store"));
        String home = credential.homeTenant().value();
        transport
                .tokens()
                .token(credential, home); // a refused token is a TokenException, never retried as a Graph failure
        SendMail.send(
                transport.forTenant(credential, home),
                message.from(),
                message.to(),
                message.subject(),
                message.body(),
                message.html());
    }
}
