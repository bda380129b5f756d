package dev.entrasync.internal.graph;

import dev.entrasync.model.MfaStatus;
import java.util.Map;
import java.util.Set;

/**
 * Users' MFA registration by user id, from the registration-details report, or the reason the report
 * could not be read (then every user's MFA is {@link MfaStatus#unknown()}, never "not registered").
 */
public final class MfaIndex {

    private final Map<String, MfaStatus> byUser;
    private final String unavailableReason;

    private MfaIndex(Map<String, MfaStatus> byUser, String unavailableReason) {
        this.byUser = byUser;
        this.unavailableReason = unavailableReason;
    }

    static MfaIndex of(Map<String, MfaStatus> byUser) {
        return new MfaIndex(Map.copyOf(byUser), null);
    }

    static MfaIndex unavailable(String reason) {
        return new MfaIndex(Map.of(), reason);
    }

    /** Whether the report was read. */
    public boolean available() {
        return unavailableReason == null;
    }

    /** Why the report could not be read (with the fix), or null. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** A user's status; unknown when the report was not read or does not list the user (disabled, just created). */
    public MfaStatus of(String userId) {
        return byUser.getOrDefault(userId, MfaStatus.unknown());
    }

    /** The users the report lists. */
    public Set<String> users() {
        return byUser.keySet();
    }
}
