package dev.entrasync.model;

import java.util.List;

/**
 * A user's MFA registration, from Graph's {@code userRegistrationDetails} report. When the report
 * cannot be read (no Entra ID P1, or a missing permission) the state is {@link State#UNKNOWN} —
 * never a false "not registered".
 *
 * @param state registered, not registered, or unknown
 * @param capable whether a registered strong method is also allowed by policy; null when unknown
 * @param methods the methods registered (Graph's names, e.g. {@code microsoftAuthenticatorPush}); empty when unknown
 * @param defaultMethod the user's preferred secondary method, or null
 */
public record MfaStatus(State state, Boolean capable, List<String> methods, String defaultMethod) {

    /** Whether MFA is registered. */
    public enum State {
        REGISTERED,
        NOT_REGISTERED,
        UNKNOWN
    }

    public MfaStatus {
        if (state == null) {
            throw new IllegalArgumentException("state: must not be null");
        }
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /** The status of a user whose registration could not be read. */
    public static MfaStatus unknown() {
        return new MfaStatus(State.UNKNOWN, null, List.of(), null);
    }
}
