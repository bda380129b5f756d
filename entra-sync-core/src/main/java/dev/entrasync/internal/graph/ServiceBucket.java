package dev.entrasync.internal.graph;

import java.net.URI;

/**
 * Which of Graph's throttling buckets a request falls in: identity reports (audit logs, the
 * authentication-methods reports: 5 requests per 10 s per app and tenant), security (secure score:
 * 150 per minute and 4 concurrent), or the directory (resource-unit budget by tenant size).
 */
enum ServiceBucket {
    DIRECTORY,
    REPORTS,
    SECURITY;

    static ServiceBucket of(URI uri) {
        String path = uri.getPath();
        int v1 = path.indexOf("/v1.0/");
        String rest = v1 < 0 ? path : path.substring(v1 + 5);
        if (rest.startsWith("/auditLogs") || rest.startsWith("/reports")) {
            return REPORTS;
        }
        if (rest.startsWith("/security")) {
            return SECURITY;
        }
        return DIRECTORY;
    }
}
