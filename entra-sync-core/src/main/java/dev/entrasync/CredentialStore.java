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

    /**
     * Adds or replaces the credential with this credential's {@link AppCredential#name() name}.
     *
     * @param credential the credential to store; never null
     */
    void save(AppCredential credential);

    /**
     * The credential with this name, if any.
     *
     * @param name the credential's name; never null
     * @return the credential; empty when none has this name
     */
    Optional<AppCredential> find(String name);

    /**
     * All credentials, ordered by name.
     *
     * @return every credential, ordered by name; empty when there is none; never null
     */
    List<AppCredential> list();

    /**
     * Removes the credential with this name; returns whether there was one.
     *
     * @param name the credential's name; never null
     * @return true if a credential was stored and is now removed, false if there was none
     */
    boolean delete(String name);
}
