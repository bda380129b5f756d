package dev.entrasync;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CheckpointStore} in memory: the engine's default, lost when the JVM stops. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final ConcurrentHashMap<Key, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    private record Key(TenantId tenant, Dataset dataset) {
        Key {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(dataset, "dataset");
        }
    }

    @Override
    public Optional<Checkpoint> load(TenantId tenant, Dataset dataset) {
        return Optional.ofNullable(checkpoints.get(new Key(tenant, dataset)));
    }

    @Override
    public void save(TenantId tenant, Dataset dataset, Checkpoint checkpoint) {
        checkpoints.put(new Key(tenant, dataset), Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    @Override
    public void delete(TenantId tenant, Dataset dataset) {
        checkpoints.remove(new Key(tenant, dataset));
    }
}
