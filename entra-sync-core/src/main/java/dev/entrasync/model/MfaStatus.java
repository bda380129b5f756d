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
        /** The report says the user is registered for MFA (Graph's {@code isMfaRegistered} is true). */
        REGISTERED,
        /** The report says the user is not registered for MFA ({@code isMfaRegistered} is false). */
        NOT_REGISTERED,
        /** The report could not be read (no Entra ID P1, a missing permission) or had no answer for the user. */
        UNKNOWN
    }

    /**
     * Validates the components and copies {@code methods} into an unmodifiable list, null read as empty.
     *
     * @param state registered, not registered, or unknown; never null
     * @param capable whether a registered strong method is also allowed by policy; null when unknown
     * @param methods the methods registered (Graph's names); null is read as empty
     * @param defaultMethod the user's preferred secondary method; may be null
     * @throws IllegalArgumentException if {@code state} is null
     */
    public MfaStatus {
        if (state == null) {
            throw new IllegalArgumentException("state: must not be null");
        }
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    /**
     * The status of a user whose registration could not be read.
     *
     * @return a new status with {@link State#UNKNOWN}, no capability, no methods and no default method; never null
     */
    public static MfaStatus unknown() {
        return new MfaStatus(State.UNKNOWN, null, List.of(), null);
    }
}
