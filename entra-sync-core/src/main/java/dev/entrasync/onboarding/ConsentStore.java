package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where verified consents are kept, and which consent-link {@code state}s were already used (so a
 * link works once, also across several host instances sharing one store).
 *
 * <p>Implementations must be thread-safe: {@link ConsentFlow} calls them from the host's request
 * threads. {@link InMemoryConsentStore} is the in-memory implementation; {@code entra-sync-jdbc}
 * persists both. No method accepts or returns {@code null}.
 */
public interface ConsentStore {

    /**
     * Adds or replaces the consent for its (credential, tenant).
     *
     * @param consent the verified consent to store; never null
     */
    void save(ConsentRecord consent);

    /**
     * The consent of this credential in this tenant, if one was verified.
     *
     * @param credentialName the credential's name; never null
     * @param tenant the tenant's GUID; never null
     * @return the stored consent; empty when none was verified
     */
    Optional<ConsentRecord> find(String credentialName, TenantId tenant);

    /**
     * Every consent of this credential, ordered by tenant id.
     *
     * @param credentialName the credential's name; never null
     * @return the credential's consents, ordered by tenant id; empty when it has none; never null
     */
    List<ConsentRecord> list(String credentialName);

    /**
     * Forgets a consent; returns whether there was one.
     *
     * @param credentialName the credential's name; never null
     * @param tenant the tenant's GUID; never null
     * @return true if a consent was stored and is now deleted, false if there was none
     */
    boolean delete(String credentialName, TenantId tenant);

    /**
     * Marks a consent link's nonce as used, atomically. Returns false when it was already used
     * (the link is being replayed). The store may forget a nonce once {@code usableUntil} has passed,
     * because the link has expired by then.
     *
     * @param nonce the consent link's nonce; never null
     * @param usableUntil when the link expires, after which the store may forget the nonce; never null
     * @return true if the nonce was not used before and is now marked used, false if it was already used
     */
    boolean markStateUsed(String nonce, Instant usableUntil);
}
