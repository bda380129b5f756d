package dev.entrasync.mail;

import dev.entrasync.AppCredential;
import dev.entrasync.CredentialStore;
import dev.entrasync.GraphException;
import dev.entrasync.GraphLimits;
import dev.entrasync.HttpSettings;
import dev.entrasync.MissingPermissionException;
import dev.entrasync.Sleeper;
import dev.entrasync.TokenException;
import dev.entrasync.internal.graph.GraphTransport;
import dev.entrasync.internal.graph.SendMail;
import java.time.Clock;
import java.util.Objects;

/**
 * Sends mail through Microsoft Graph, app-only: {@code POST /users/{from}/sendMail} in the credential's
 * home tenant (the partner's own tenant, where the sending mailbox lives), with the same token cache,
 * throttling and retries as syncing. Needs the {@code Mail.Send} application permission, granted in the
 * home tenant — only hosts that enable mail ask for it.
 *
 * <pre>{@code
 * try (MailSender mail = MailSender.builder().credentials(credentialStore).build()) {
 *     mail.send("default", MailMessage.text("reports@partner.example", List.of("ops@partner.example"),
 *             "Contoso: sync failing", "..."));
 * }
 * }</pre>
 *
 * <p>Build one per host and share it; thread-safe. Close it to release its HTTP connections.
 * {@code Mail.Send} lets an app send as any mailbox of the tenant; an administrator can narrow it to the
 * sending mailbox with an Exchange application access policy.
 */
public final class MailSender implements AutoCloseable {

    private final CredentialStore credentials;
    private final GraphTransport transport;

    private MailSender(Builder b) {
        this.credentials = b.credentials;
        this.transport = new GraphTransport(b.http, b.limits, b.clock, b.sleeper);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends the message from the credential's home tenant. One Graph request (more only when Graph
     * throttles or fails and the request is retried; a retried 5xx may rarely deliver twice).
     *
     * @throws IllegalArgumentException if the credential is unknown
     * @throws TokenException if no token can be had for the home tenant
     * @throws MissingPermissionException if the app lacks {@code Mail.Send} in the home tenant
     * @throws GraphException if Graph refuses otherwise (for example, 404 when the sender has no mailbox)
     */
    public void send(String credentialName, MailMessage message) {
        Objects.requireNonNull(message, "message");
        AppCredential credential = credentials.find(Objects.requireNonNull(credentialName, "credentialName"))
                .orElseThrow(() -> new IllegalArgumentException("credentialName: no credential named '"
                        + credentialName + "' in the credential store"));
        String home = credential.homeTenant().value();
        transport.tokens().token(credential, home); // a refused token is a TokenException, never retried as a Graph failure
        SendMail.send(transport.forTenant(credential, home), message.from(), message.to(),
                message.subject(), message.body(), message.html());
    }

    /** Releases the HTTP connections. */
    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link MailSender}. Not thread-safe; {@link #build()} fails when the credential store is missing. */
    public static final class Builder {
        private CredentialStore credentials;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private HttpSettings http = HttpSettings.defaults();
        private GraphLimits limits = GraphLimits.defaults();

        private Builder() {
        }

        /** Where credentials come from (required). */
        public Builder credentials(CredentialStore credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How waits happen (default: {@link Sleeper#SYSTEM}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Proxy, timeouts and TLS (default: {@link HttpSettings#defaults()}). */
        public Builder http(HttpSettings http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** Rate, concurrency and retry limits (default: {@link GraphLimits#defaults()}). */
        public Builder limits(GraphLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** @throws IllegalStateException if no credential store was given */
        public MailSender build() {
            if (credentials == null) {
                throw new IllegalStateException("MailSender.builder() is missing credentials(CredentialStore)");
            }
            return new MailSender(this);
        }
    }
}
