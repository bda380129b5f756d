package dev.entrasync;

import java.util.List;
import java.util.Optional;

/**
 * Where the host keeps its app credentials. entra-sync reads credentials from it before each token
 * request, so a rotated secret takes effect without a restart.
 *
 * <p>Implementations must be thread-safe: the engine calls them from its worker threads.
 * {@link InMemoryCredentialStore} is the in-memory implementation; {@code entra-sync-jdbc} persists
 * credentials with the secret encrypted at rest. No method accepts or returns {@code null}.
 */
public interface CredentialStore {

    /** Adds or replaces the credential with this credential's {@link AppCredential#name() name}. */
    void save(AppCredential credential);

    /** The credential with this name, if any. */
    Optional<AppCredential> find(String name);

    /** All credentials, ordered by name. */
    List<AppCredential> list();

    /** Removes the credential with this name; returns whether there was one. */
    boolean delete(String name);
}
