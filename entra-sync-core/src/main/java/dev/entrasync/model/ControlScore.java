package dev.entrasync.model;

/**
 * The tenant's score on one secure score control on one day. Join to
 * {@link EntraSecureScoreControl} on {@link #controlName()} = {@link EntraSecureScoreControl#id()}.
 *
 * @param controlName the control's id, e.g. {@code AdminMFAV2}; never null
 * @param controlCategory e.g. {@code Identity}, or null
 * @param score the points earned, or null
 */
public record ControlScore(String controlName, String controlCategory, Double score) {

    /**
     * Validates the components.
     *
     * @param controlName the control's id, e.g. {@code AdminMFAV2}; never null
     * @param controlCategory e.g. {@code Identity}, or null
     * @param score the points earned, or null
     * @throws NullPointerException if {@code controlName} is null
     */
    public ControlScore {
        java.util.Objects.requireNonNull(controlName, "controlName");
    }
}
