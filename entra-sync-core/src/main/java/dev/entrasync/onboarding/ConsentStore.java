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

    /** Adds or replaces the consent for its (credential, tenant). */
    void save(ConsentRecord consent);

    /** The consent of this credential in this tenant, if one was verified. */
    Optional<ConsentRecord> find(String credentialName, TenantId tenant);

    /** Every consent of this credential, ordered by tenant id. */
    List<ConsentRecord> list(String credentialName);

    /** Forgets a consent; returns whether there was one. */
    boolean delete(String credentialName, TenantId tenant);

    /**
     * Marks a consent link's nonce as used, atomically. Returns false when it was already used
     * (the link is being replayed). The store may forget a nonce once {@code usableUntil} has passed,
     * because the link has expired by then.
     */
    boolean markStateUsed(String nonce, Instant usableUntil);
}
