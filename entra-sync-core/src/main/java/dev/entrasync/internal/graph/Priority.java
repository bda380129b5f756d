package dev.entrasync.internal.graph;

/** Sent as {@code x-ms-throttle-priority}: Graph throttles lower priorities first. Background syncs use {@link #LOW}. */
public enum Priority {
    LOW("Low"),
    NORMAL("Normal"),
    HIGH("High");

    private final String header;

    Priority(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }
}
