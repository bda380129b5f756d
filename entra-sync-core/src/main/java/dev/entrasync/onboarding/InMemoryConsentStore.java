package dev.entrasync.onboarding;

import dev.entrasync.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link ConsentStore} in memory, for tests, demos and single-instance hosts that record
 * consents elsewhere too. Used nonces are forgotten once their link has expired. Thread-safe.
 */
public final class InMemoryConsentStore implements ConsentStore {

    private final ConcurrentSkipListMap<String, ConsentRecord> consents = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Instant> usedNonces = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A store that forgets expired nonces by the system clock. */
    public InMemoryConsentStore() {
        this(Clock.systemUTC());
    }

    /**
     * A store that forgets expired nonces by this clock.
     *
     * @param clock the clock that decides when a used nonce's link has expired; never null
     * @throws NullPointerException if {@code clock} is null
     */
    public InMemoryConsentStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(ConsentRecord consent) {
        Objects.requireNonNull(consent, "consent");
        consents.put(key(consent.credentialName(), consent.tenant()), consent);
    }

    @Override
    public Optional<ConsentRecord> find(String credentialName, TenantId tenant) {
        return Optional.ofNullable(consents.get(key(credentialName, tenant)));
    }

    @Override
    public List<ConsentRecord> list(String credentialName) {
        Objects.requireNonNull(credentialName, "credentialName");
        return consents.values().stream()
                .filter(c -> c.credentialName().equals(credentialName))
                .toList();
    }

    @Override
    public boolean delete(String credentialName, TenantId tenant) {
        return consents.remove(key(credentialName, tenant)) != null;
    }

    @Override
    public boolean markStateUsed(String nonce, Instant usableUntil) {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(usableUntil, "usableUntil");
        Instant now = clock.instant();
        usedNonces.values().removeIf(until -> until.isBefore(now));
        return usedNonces.putIfAbsent(nonce, usableUntil) == null;
    }

    private static String key(String credentialName, TenantId tenant) {
        return Objects.requireNonNull(credentialName, "credentialName") + "\u0000"
                + Objects.requireNonNull(tenant, "tenant").value();
    }
}
