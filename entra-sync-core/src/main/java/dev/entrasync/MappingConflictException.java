package dev.entrasync;

/**
 * A mapping was refused because its tenant is already mapped to another company, or its company
 * already has a tenant. One tenant maps to one company at a time. Carries the mapping in the way.
 */
public final class MappingConflictException extends EntraSyncException {

    private static final long serialVersionUID = 1L;

    private final transient TenantMapping existing;

    /**
     * An exception naming the mapping in the way.
     *
     * @param message what was refused and what to do
     * @param existing the mapping that is in the way
     */
    public MappingConflictException(String message, TenantMapping existing) {
        super(message);
        this.existing = existing;
    }

    /**
     * The mapping that is in the way (null after deserialization).
     *
     * @return the mapping in the way; null after deserialization (it is not serialized)
     */
    public TenantMapping existing() {
        return existing;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
