package dev.entrasync;

import java.util.Objects;
import java.util.Optional;

/**
 * Microsoft Entra did not issue an app-only token for a tenant. Carries the AADSTS code (when
 * Microsoft sent one), the {@link TokenFailure} it stands for, Microsoft's own description, and the
 * fix. The message never contains the secret or a token. Thrown by the runtime's token cache on the
 * thread that needed the token (engine, onboarding, mail); immutable. The constructor is public so that
 * hosts' tests can construct it to test their error handling; entra-sync is the only one that throws it.
 */
public final class TokenException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure; never null. */
    private final TokenFailure failure;
    /** The AADSTS number; null when Microsoft sent none. */
    private final Integer aadstsCode;
    /** The name of the credential used. */
    private final String credentialName;
    /** The tenant the token was for; null when it was for no one tenant. */
    private final TenantId tenant;
    /** Microsoft's description (first line, without trace ids); null when there was none. */
    private final String microsoftDescription;
    /** The fix for this credential (e.g. naming the certificate's thumbprint); never null. */
    private final String fix;

    /**
     * @param failure what kind of failure
     * @param aadstsCode the AADSTS number, or null when there was none (a network failure)
     * @param credentialName the credential used
     * @param tenant the tenant the token was for, or null when it was for no one tenant (the
     *     {@code organizations} authority of an administrator's sign-in)
     * @param microsoftDescription Microsoft's description (first line, without trace ids), or null
     * @param cause the underlying exception, or null
     */
    public TokenException(
            TokenFailure failure,
            Integer aadstsCode,
            String credentialName,
            TenantId tenant,
            String microsoftDescription,
            Throwable cause) {
        this(failure, aadstsCode, credentialName, tenant, microsoftDescription, null, cause);
    }

    /**
     * With a fix that names this credential's specifics, such as the thumbprint of the certificate to upload.
     *
     * @param failure what kind of failure
     * @param aadstsCode the AADSTS number, or null when there was none
     * @param credentialName the credential used
     * @param tenant the tenant the token was for, or null when it was for no one tenant
     * @param microsoftDescription Microsoft's description (first line, without trace ids), or null
     * @param fix the fix in plain words for this credential; null for {@link TokenFailure#fix()}
     * @param cause the underlying exception, or null
     */
    public TokenException(
            TokenFailure failure,
            Integer aadstsCode,
            String credentialName,
            TenantId tenant,
            String microsoftDescription,
            String fix,
            Throwable cause) {
        super(
                problem(failure, aadstsCode, credentialName, tenant, microsoftDescription) + " Fix: "
                        + (fix == null ? failure.fix() : fix),
                cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.aadstsCode = aadstsCode;
        this.credentialName = credentialName;
        this.tenant = tenant;
        this.microsoftDescription = microsoftDescription;
        this.fix = fix == null ? failure.fix() : fix;
    }

    private static String problem(
            TokenFailure failure, Integer code, String credential, TenantId tenant, String description) {
        StringBuilder sb = new StringBuilder("No token for tenant ")
                .append(tenant)
                .append(" with credential '")
                .append(credential)
                .append("'");
        if (code != null) {
            sb.append(" (AADSTS").append(code).append(")");
        }
        sb.append(": ").append(failure.cause());
        if (description != null && !description.isBlank()) {
            sb.append(" Microsoft said: \"").append(description).append("\".");
        }
        return sb.toString();
    }

    /**
     * What happened, without the fix: the message up to its {@code Fix:} sentence, for a host (or a preflight report)
     * that shows the problem and {@link #fix()} apart.
     *
     * @return the tenant, the credential's name, the AADSTS code, the cause and Microsoft's words; never null
     */
    public String problem() {
        return problem(failure, aadstsCode, credentialName, tenant, microsoftDescription);
    }

    /**
     * The kind of failure.
     *
     * @return the kind of failure; never null
     */
    public TokenFailure failure() {
        return failure;
    }

    /**
     * The AADSTS code, if Microsoft sent one.
     *
     * @return the AADSTS number; empty when Microsoft sent none (a network failure)
     */
    public Optional<Integer> aadstsCode() {
        return Optional.ofNullable(aadstsCode);
    }

    /**
     * The credential's name.
     *
     * @return the name of the credential used
     */
    public String credentialName() {
        return credentialName;
    }

    /**
     * The tenant the token was requested for, or null when it was for no one tenant (the {@code organizations}
     * authority of an administrator's sign-in during consent).
     *
     * @return the tenant; null when the token was for no one tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Microsoft's description of the error (first line, trace ids removed), if any.
     *
     * @return Microsoft's description; empty when there was none
     */
    public Optional<String> microsoftDescription() {
        return Optional.ofNullable(microsoftDescription);
    }

    /**
     * The plain-words fix.
     *
     * @return the fix in plain words: {@link TokenFailure#fix()} of {@link #failure()}, or a fix naming this
     *     credential's specifics (such as the thumbprint of the certificate to upload); never null
     */
    public String fix() {
        return fix;
    }

    @Override
    public boolean isTransient() {
        return failure.isTransient();
    }
}
