package dev.entrasync;

/** What happens to the data already synced for a tenant when its mapping is deleted. */
public enum SyncedData {
    /** Leave it in the host's storage. */
    KEEP,
    /** Remove it, through the mapper's {@link DataPurger}. */
    PURGE
}
