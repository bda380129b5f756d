package dev.entrasync.internal.graph;

import dev.entrasync.GraphException;
import dev.entrasync.internal.auth.TenantIds;
import java.time.Instant;

/**
 * A dataset was stopped instead of waiting: Graph asked for a longer {@code Retry-After} than
 * {@code GraphLimits.maxRetryAfter}, or the dataset's waits would pass {@code GraphLimits.maxWaitPerDataset}.
 * Transient: the next run tries again, after {@link #retryAt()}.
 */
public final class ThrottledException extends GraphException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    ThrottledException(
            String message,
            int status,
            String errorCode,
            String tenant,
            String requestPath,
            Instant retryAt,
            Throwable cause) {
        super(message, status, errorCode, TenantIds.orNull(tenant), requestPath, true, cause);
        this.retryAt = retryAt;
    }

    /** When Graph said the request may be sent again (or when the stopped wait would have ended). */
    public Instant retryAt() {
        return retryAt;
    }
}
