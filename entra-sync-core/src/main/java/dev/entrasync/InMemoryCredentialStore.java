package dev.entrasync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link CredentialStore} in memory: for tests, demos and hosts that keep secrets elsewhere and
 * load them at start. Thread-safe.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    private final ConcurrentSkipListMap<String, AppCredential> byName = new ConcurrentSkipListMap<>();

    @Override
    public void save(AppCredential credential) {
        Objects.requireNonNull(credential, "credential");
        byName.put(credential.name(), credential);
    }

    @Override
    public Optional<AppCredential> find(String name) {
        return Optional.ofNullable(byName.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public List<AppCredential> list() {
        return List.copyOf(byName.values());
    }

    @Override
    public boolean delete(String name) {
        return byName.remove(Objects.requireNonNull(name, "name")) != null;
    }
}
