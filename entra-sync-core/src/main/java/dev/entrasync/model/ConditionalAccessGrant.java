package dev.entrasync.model;

import java.util.List;
import java.util.Locale;

/**
 * What a Conditional Access policy demands before it grants access ({@code grantControls} of a
 * {@code conditionalAccessPolicy}): built-in controls joined by an operator, and an authentication strength.
 *
 * @param operator {@code AND} (every control) or {@code OR} (any one), or null
 * @param builtInControls e.g. {@code mfa}, {@code compliantDevice}, {@code domainJoinedDevice},
 *     {@code approvedApplication}, {@code compliantApplication}, {@code passwordChange}, {@code block}
 * @param authenticationStrengthId the required authentication strength's id, or null when none is required
 * @param authenticationStrengthName the authentication strength's name, e.g. {@code Phishing-resistant MFA}, or null
 */
public record ConditionalAccessGrant(
        String operator,
        List<String> builtInControls,
        String authenticationStrengthId,
        String authenticationStrengthName) {

    /**
     * Copies {@code builtInControls} into an unmodifiable list, null read as empty.
     *
     * @param operator {@code AND} or {@code OR}; may be null
     * @param builtInControls the built-in controls; null is read as empty
     * @param authenticationStrengthId the required authentication strength's id; may be null
     * @param authenticationStrengthName the authentication strength's name; may be null
     */
    public ConditionalAccessGrant {
        builtInControls = builtInControls == null ? List.of() : List.copyOf(builtInControls);
    }

    /** No grant controls (a policy with only session controls). */
    public static final ConditionalAccessGrant NONE = new ConditionalAccessGrant(null, List.of(), null, null);

    /**
     * Whether the control is among the built-in ones (case-insensitive).
     *
     * @param control e.g. {@code mfa}; never null
     * @return true if {@link #builtInControls()} holds it
     */
    public boolean has(String control) {
        return builtInControls.stream().anyMatch(c -> c.equalsIgnoreCase(control));
    }

    /**
     * Whether a sign-in must pass MFA to be granted: an authentication strength is required, or {@code mfa} is a
     * built-in control that cannot be side-stepped ({@code AND}, or the only control under {@code OR}).
     *
     * @return true when the grant cannot be satisfied without multifactor authentication
     */
    public boolean requiresMfa() {
        if (authenticationStrengthId != null) {
            return true;
        }
        return has("mfa")
                && (builtInControls.size() == 1 || operator == null || "AND".equals(operator.toUpperCase(Locale.ROOT)));
    }
}
