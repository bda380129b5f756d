package dev.entrasync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One multi-tenant app registration that entra-sync signs in as: where it lives (cloud and home
 * tenant), its client id and secret, when the secret expires, and whether it is a CSP partner's app
 * (whose customers are discovered through GDAP).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret. Built with
 * {@link #builder()}; every invalid field is refused at construction with a message naming it.
 *
 * @param name a host-chosen unique name, for example {@code "default"}: at most {@value #MAX_NAME_LENGTH}
 *     characters, none of them a control, line-breaking or invisible formatting character (it is written
 *     to logs and shown on pages as it is)
 * @param cloud the cloud the app is registered in
 * @param homeTenant the tenant the app registration lives in (the partner's own tenant)
 * @param clientId the application (client) id, a GUID
 * @param secret the client secret value
 * @param secretExpiresAt when the secret expires, or null when unknown (see {@link #secretExpiry()})
 * @param cspPartner true for a CSP partner credential
 */
public record AppCredential(
        String name,
        Cloud cloud,
        TenantId homeTenant,
        String clientId,
        ClientSecret secret,
        Instant secretExpiresAt,
        boolean cspPartner) {

    /**
     * Validates the components and normalises them: the name is trimmed, the client id trimmed and lower-cased.
     *
     * @param name a unique name for this credential; not blank, at most {@value #MAX_NAME_LENGTH} characters after
     *     trimming, without control, line-breaking or invisible formatting characters
     * @param cloud the cloud the app is registered in; never null
     * @param homeTenant the tenant the app registration lives in; never null
     * @param clientId the application (client) id; a GUID in any case, surrounding blanks ignored; never null
     * @param secret the client secret; never null
     * @param secretExpiresAt when the secret expires; null when unknown
     * @param cspPartner true for a CSP partner's app, whose customers are discovered through GDAP
     * @throws IllegalArgumentException naming the field, for a blank name or client id, a name longer
     *     than {@value #MAX_NAME_LENGTH} characters or holding a control character, a client id that is
     *     not a GUID, or a missing cloud, tenant or secret
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
        if (secret == null) {
            throw new IllegalArgumentException("secret: must be set");
        }
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

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "AppCredential[name=" + name + ", cloud=" + cloud.name() + ", homeTenant=" + homeTenant
                + ", clientId=" + clientId + ", secret=****"
                + (secretExpiresAt == null ? "" : ", secretExpiresAt=" + secretExpiresAt)
                + (cspPartner ? ", cspPartner" : "") + "]";
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

        private Builder() {}

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
            this.secret = ClientSecret.of(secret);
            return this;
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
            return new AppCredential(name, cloud, homeTenant, clientId, secret, secretExpiresAt, cspPartner);
        }
    }
}
