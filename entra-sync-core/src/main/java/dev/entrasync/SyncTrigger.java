package dev.entrasync;

/** Why a job ran. */
public enum SyncTrigger {
    /** The schedule (every 24 hours by default). */
    SCHEDULED,
    /** Someone pressed "Sync now". */
    MANUAL,
    /** Re-run of a job a crash left running. */
    RECOVERY
}
