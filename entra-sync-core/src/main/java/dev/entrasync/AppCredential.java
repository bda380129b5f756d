package dev.entrasync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One multi-tenant app registration that entra-sync signs in as: where it lives (cloud and home
 * tenant), its client id, how it proves who it is, and whether it is a CSP partner's app (whose
 * customers are discovered through GDAP).
 *
 * <p>It proves who it is with exactly one of three ({@link #kind()}): a client {@link #secret()} (with its
 * expiry when known), a {@link #certificate()} whose private key signs each token request (its expiry is the
 * certificate's {@code notAfter}), or an {@link #assertionProvider()} that hands over a signed assertion from
 * another identity provider at call time (workload identity federation; nothing long-lived to store or
 * expire). A credential with an assertion provider exists only in memory: credential stores keep a marker the
 * host binds its provider to again (see the store's documentation).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret or private key: for a certificate it
 * shows the thumbprint and expiry. Built with {@link #builder()}; every invalid field is refused at construction
 * with a message naming it.
 *
 * @param name a host-chosen unique name, for example {@code "default"}: at most {@value #MAX_NAME_LENGTH}
 *     characters, none of them a control, line-breaking or invisible formatting character (it is written
 *     to logs and shown on pages as it is)
 * @param cloud the cloud the app is registered in
 * @param homeTenant the tenant the app registration lives in (the partner's own tenant)
 * @param clientId the application (client) id, a GUID
 * @param secret the client secret value; null for a certificate or assertion credential
 * @param secretExpiresAt when the secret expires, or null when unknown or not a secret credential (see
 *     {@link #secretExpiry()})
 * @param cspPartner true for a CSP partner credential
 * @param certificate the certificate and private key; null unless a certificate credential
 * @param assertionProvider the host's source of signed client assertions; null unless an assertion credential
 */
public record AppCredential(
        String name,
        Cloud cloud,
        TenantId homeTenant,
        String clientId,
        ClientSecret secret,
        Instant secretExpiresAt,
        boolean cspPartner,
        ClientCertificate certificate,
        ClientAssertionProvider assertionProvider) {

    /** How a credential proves the app's identity to Microsoft Entra. */
    public enum Kind {
        /** A client secret (password). */
        SECRET,
        /** A certificate: its private key signs a client assertion for each token request. */
        CERTIFICATE,
        /** A client assertion supplied by the host at call time (workload identity federation). */
        ASSERTION
    }

    /**
     * Validates the components and normalises them: the name is trimmed, the client id trimmed and lower-cased.
     *
     * @param name a unique name for this credential; not blank, at most {@value #MAX_NAME_LENGTH} characters after
     *     trimming, without control, line-breaking or invisible formatting characters
     * @param cloud the cloud the app is registered in; never null
     * @param homeTenant the tenant the app registration lives in; never null
     * @param clientId the application (client) id; a GUID in any case, surrounding blanks ignored; never null
     * @param secret the client secret; null unless a secret credential
     * @param secretExpiresAt when the secret expires; null when unknown, and null for a certificate or assertion
     *     credential
     * @param cspPartner true for a CSP partner's app, whose customers are discovered through GDAP
     * @param certificate the certificate and its private key; null unless a certificate credential
     * @param assertionProvider the host's assertion source; null unless an assertion credential
     * @throws IllegalArgumentException naming the field, for a blank name or client id, a name longer
     *     than {@value #MAX_NAME_LENGTH} characters or holding a control character, a client id that is
     *     not a GUID, a missing cloud or tenant, or not exactly one of secret, certificate and assertion provider
     */
    public AppCredential {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be empty");
        }
        name = checkedName(name.trim());
        if (cloud == null) {
            throw new IllegalArgumentException("cloud: must be set (Cloud.GLOBAL, Cloud.of(\"usgov\"), ...)");
        }
        if (homeTenant == null) {
            throw new IllegalArgumentException("homeTenant: must be set (the app registration's tenant id)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId: must not be empty");
        }
        clientId = clientId.trim().toLowerCase(java.util.Locale.ROOT);
        if (!clientId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw new IllegalArgumentException("clientId: '" + clientId
                    + "' is not an application (client) id GUID; copy it from the app registration's Overview page");
        }
        int kinds = (secret == null ? 0 : 1) + (certificate == null ? 0 : 1) + (assertionProvider == null ? 0 : 1);
        if (kinds == 0) {
            throw new IllegalArgumentException(
                    "secret: must be set (or a certificate, or an assertion provider for workload identity federation)");
        }
        if (kinds > 1) {
            throw new IllegalArgumentException("secret, certificate, assertionProvider: set exactly one of them,"
                    + " the way this app registration proves its identity");
        }
        if (secretExpiresAt != null && secret == null) {
            throw new IllegalArgumentException("secretExpiresAt: only a client secret has it; a certificate's expiry"
                    + " is its notAfter, and an assertion has none");
        }
    }

    /**
     * A client-secret credential (the form before certificates and assertions existed).
     *
     * @param name a unique name for this credential (see the canonical constructor)
     * @param cloud the cloud the app is registered in; never null
     * @param homeTenant the tenant the app registration lives in; never null
     * @param clientId the application (client) id, a GUID
     * @param secret the client secret; never null
     * @param secretExpiresAt when the secret expires; null when unknown
     * @param cspPartner true for a CSP partner's app
     * @throws IllegalArgumentException naming the first invalid field
     */
    public AppCredential(
            String name,
            Cloud cloud,
            TenantId homeTenant,
            String clientId,
            ClientSecret secret,
            Instant secretExpiresAt,
            boolean cspPartner) {
        this(name, cloud, homeTenant, clientId, secret, secretExpiresAt, cspPartner, null, null);
    }

    /**
     * How this credential proves the app's identity.
     *
     * @return {@link Kind#SECRET}, {@link Kind#CERTIFICATE} or {@link Kind#ASSERTION}; never null
     */
    public Kind kind() {
        return certificate != null ? Kind.CERTIFICATE : assertionProvider != null ? Kind.ASSERTION : Kind.SECRET;
    }

    /**
     * When the credential stops working, if known: the secret's expiry for a secret, the certificate's
     * {@code notAfter} for a certificate; always empty for an assertion provider (its assertions are short-lived
     * and fetched at call time).
     *
     * @return the instant the credential expires; empty when unknown or not applicable
     */
    public Optional<Instant> credentialExpiry() {
        return certificate != null ? Optional.of(certificate.notAfter()) : Optional.ofNullable(secretExpiresAt);
    }

    /**
     * Whole days until the credential expires (see {@link #credentialExpiry()}), negative once expired.
     *
     * @param clock the clock giving the current instant; never null
     * @return whole days (rounded down) until the credential expires, negative once expired; empty when unknown
     */
    public Optional<Long> daysUntilCredentialExpires(Clock clock) {
        return credentialExpiry()
                .map(at -> Math.floorDiv(Duration.between(clock.instant(), at).toSeconds(), 86_400L));
    }

    /**
     * What the credential is called in messages: {@code "client secret"}, {@code "certificate <thumbprint>"} or
     * {@code "client assertion callback"}.
     *
     * @return a short description naming the kind (and a certificate's thumbprint); never null
     */
    public String describeCredential() {
        return switch (kind()) {
            case SECRET -> "client secret";
            case CERTIFICATE -> "certificate " + certificate.thumbprint();
            case ASSERTION -> "client assertion callback";
        };
    }

    /** The longest credential name accepted, in characters (Unicode code points). */
    public static final int MAX_NAME_LENGTH = 100;

    /**
     * Refuses what would let a name forge or hide log lines and page text: line breaks (CR, LF, NEL,
     * U+2028, U+2029), tabs and other control characters, bidi and zero-width formatting characters, lone
     * surrogates, and names past {@link #MAX_NAME_LENGTH}. The name itself is not repeated in the message.
     */
    private static String checkedName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: must be at most " + MAX_NAME_LENGTH + " characters, was " + length
                    + "; choose a short name such as \"default\" or the partner's name");
        }
        for (int i = 0, position = 1; i < name.length(); i += Character.charCount(name.codePointAt(i)), position++) {
            int c = name.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE) {
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "name: must not contain control,"
                                + " line-break or invisible formatting characters, found U+%04X at character %d; use letters,"
                                + " digits, spaces and punctuation",
                        c,
                        position));
            }
        }
        return name;
    }

    /**
     * A new builder.
     *
     * @return a new builder with the name {@code "default"} and the cloud {@link Cloud#GLOBAL}; never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this credential's values, to derive a changed copy (e.g. a rotated secret).
     *
     * @return a new builder holding every component of this credential; never null
     */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .cloud(cloud)
                .homeTenant(homeTenant)
                .clientId(clientId)
                .secret(secret)
                .secretExpiresAt(secretExpiresAt)
                .certificate(certificate)
                .assertionProvider(assertionProvider)
                .cspPartner(cspPartner);
    }

    /**
     * When the secret expires, if the host told us.
     *
     * @return the instant the secret expires; empty when unknown
     */
    public Optional<Instant> secretExpiry() {
        return Optional.ofNullable(secretExpiresAt);
    }

    /**
     * Whole days until the secret expires, negative once expired; empty when the expiry is unknown.
     *
     * @param clock the clock giving the current instant; never null
     * @return whole days (rounded down) until the secret expires, negative once it has expired; empty when the expiry
     *     is unknown
     */
    public Optional<Long> daysUntilSecretExpires(Clock clock) {
        return secretExpiry()
                .map(at -> Math.floorDiv(Duration.between(clock.instant(), at).toSeconds(), 86_400L));
    }

    /** Never shows the secret, private key or assertion: a certificate shows its thumbprint and expiry only. */
    @Override
    public String toString() {
        String how = switch (kind()) {
            case SECRET -> ", secret=****" + (secretExpiresAt == null ? "" : ", secretExpiresAt=" + secretExpiresAt);
            case CERTIFICATE ->
                ", certificate=" + certificate.thumbprint() + ", certificateExpiresAt=" + certificate.notAfter();
            case ASSERTION -> ", clientAssertion=callback";
        };
        return "AppCredential[name=" + name + ", cloud=" + cloud.name() + ", homeTenant=" + homeTenant + ", clientId="
                + clientId + how + (cspPartner ? ", cspPartner" : "") + "]";
    }

    /** Builds an {@link AppCredential}. Not thread-safe; use one builder per thread. */
    public static final class Builder {
        private String name = "default";
        private Cloud cloud = Cloud.GLOBAL;
        private TenantId homeTenant;
        private String clientId;
        private ClientSecret secret;
        private Instant secretExpiresAt;
        private boolean cspPartner;
        private ClientCertificate certificate;
        private ClientAssertionProvider assertionProvider;

        private Builder() {}

        /**
         * The certificate (private key and chain) the app proves its identity with, instead of a secret. Setting
         * it clears a secret, its expiry and an assertion provider set before.
         *
         * @param certificate the certificate credential; null to unset
         * @return this builder
         */
        public Builder certificate(ClientCertificate certificate) {
            this.certificate = certificate;
            if (certificate != null) {
                this.secret = null;
                this.secretExpiresAt = null;
                this.assertionProvider = null;
            }
            return this;
        }

        /**
         * The host's source of signed client assertions (workload identity federation), instead of a secret.
         * Setting it clears a secret, its expiry and a certificate set before.
         *
         * @param assertionProvider called at each token request; null to unset
         * @return this builder
         */
        public Builder assertionProvider(ClientAssertionProvider assertionProvider) {
            this.assertionProvider = assertionProvider;
            if (assertionProvider != null) {
                this.secret = null;
                this.secretExpiresAt = null;
                this.certificate = null;
            }
            return this;
        }

        /**
         * A unique name for this credential; defaults to {@code "default"}.
         *
         * @param name a unique name for the credential; checked by {@link #build()}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The cloud; defaults to {@link Cloud#GLOBAL}.
         *
         * @param cloud the cloud the app is registered in; must not be null by {@link #build()}
         * @return this builder
         */
        public Builder cloud(Cloud cloud) {
            this.cloud = cloud;
            return this;
        }

        /**
         * The cloud by name ({@code global}, {@code usgov}, {@code usgov-dod}, {@code china}).
         *
         * @param cloudName the cloud's name: {@code global}, {@code usgov}, {@code usgov-dod} or {@code china}
         * @return this builder
         * @throws IllegalArgumentException for any other name, naming the accepted values
         */
        public Builder cloud(String cloudName) {
            this.cloud = Cloud.of(cloudName);
            return this;
        }

        /**
         * The app registration's home tenant.
         *
         * @param homeTenant the tenant the app registration lives in; must not be null by {@link #build()}
         * @return this builder
         */
        public Builder homeTenant(TenantId homeTenant) {
            this.homeTenant = homeTenant;
            return this;
        }

        /**
         * The app registration's home tenant, as a GUID or domain.
         *
         * @param homeTenant the home tenant's GUID or domain name, for example {@code contoso.onmicrosoft.com}
         * @return this builder
         * @throws IllegalArgumentException if it is neither a tenant GUID nor a domain name
         */
        public Builder homeTenant(String homeTenant) {
            this.homeTenant = TenantId.of(homeTenant);
            return this;
        }

        /**
         * The application (client) id.
         *
         * @param clientId the application (client) id, a GUID; checked by {@link #build()}
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * The client secret.
         *
         * @param secret the client secret; must not be null by {@link #build()}
         * @return this builder
         */
        public Builder secret(ClientSecret secret) {
            this.secret = secret;
            if (secret != null) {
                this.certificate = null;
                this.assertionProvider = null;
            }
            return this;
        }

        /**
         * The client secret's value.
         *
         * @param secret the client secret's value; not blank
         * @return this builder
         * @throws IllegalArgumentException if it is null or blank (the message never contains the value)
         */
        public Builder secret(String secret) {
            return secret(ClientSecret.of(secret));
        }

        /**
         * When the secret expires; null when unknown.
         *
         * @param secretExpiresAt when the secret expires; null when unknown
         * @return this builder
         */
        public Builder secretExpiresAt(Instant secretExpiresAt) {
            this.secretExpiresAt = secretExpiresAt;
            return this;
        }

        /**
         * Whether this is a CSP partner credential (customers discovered through GDAP).
         *
         * @param cspPartner true for a CSP partner's app (customers discovered through GDAP); defaults to false
         * @return this builder
         */
        public Builder cspPartner(boolean cspPartner) {
            this.cspPartner = cspPartner;
            return this;
        }

        /**
         * The credential.
         *
         * @return a new, validated credential; never null
         * @throws IllegalArgumentException naming the first invalid field
         */
        public AppCredential build() {
            return new AppCredential(
                    name,
                    cloud,
                    homeTenant,
                    clientId,
                    secret,
                    secretExpiresAt,
                    cspPartner,
                    certificate,
                    assertionProvider);
        }
    }
}
