package dev.entrasync.testkit.internal;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app's service principal in a tenant with its granted application permissions, and when the
 * consent becomes visible to the token endpoint (propagation delay). Thread-safe.
 */
public final class Consent {
    private final String servicePrincipalId;
    private final Set<String> roles = ConcurrentHashMap.newKeySet();
    private final Instant visibleAt;
    private final AtomicInteger hiddenForTokenRequests;

    public Consent(String servicePrincipalId, Set<String> roles, Instant visibleAt, int hiddenForTokenRequests) {
        this.servicePrincipalId = servicePrincipalId;
        this.roles.addAll(roles);
        this.visibleAt = visibleAt;
        this.hiddenForTokenRequests = new AtomicInteger(hiddenForTokenRequests);
    }

    /** Returns the object id of the app's service principal in the tenant. */
    public String servicePrincipalId() {
        return servicePrincipalId;
    }

    /** Returns the live set of granted permission names. */
    public Set<String> roles() {
        return roles;
    }

    /**
     * Returns whether a token request at {@code now} sees this consent; each call made while the
     * consent is hidden by a request count uses one of those requests up.
     */
    public boolean visibleToTokenRequest(Instant now) {
        if (visibleAt != null && now.isBefore(visibleAt)) {
            return false;
        }
        return hiddenForTokenRequests.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
    }
}
