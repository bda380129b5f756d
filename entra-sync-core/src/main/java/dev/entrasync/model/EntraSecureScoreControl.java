package dev.entrasync.model;

import java.util.Objects;

/**
 * A secure score control profile: what a control is and how to raise the score on it, from Graph
 * {@code /security/secureScoreControlProfiles}. Delivered in the secure-scores dataset beside the
 * daily {@link EntraSecureScore} snapshots and replaced on every run.
 *
 * @param id the control's name, e.g. {@code AdminMFAV2} (what {@link ControlScore#controlName()} holds)
 * @param title e.g. {@code Ensure multifactor authentication is enabled for all users in administrative roles}, or null
 * @param controlCategory e.g. {@code Identity}, {@code Data}, {@code Device}, {@code Apps}, or null
 * @param maxScore the most points the control can give, or null
 * @param rank Microsoft's priority rank (1 first), or null
 * @param remediation how to implement the control (HTML text), or null
 * @param actionUrl where to act on it, or null
 */
public record EntraSecureScoreControl(
        String id,
        String title,
        String controlCategory,
        Double maxScore,
        Integer rank,
        String remediation,
        String actionUrl)
        implements EntraRecord {

    /**
     * Validates the components.
     *
     * @param id the control's name, e.g. {@code AdminMFAV2} (what {@link ControlScore#controlName()} holds); never null
     * @param title e.g. {@code Ensure multifactor authentication is enabled for all users in administrative roles}, or
     *     null
     * @param controlCategory e.g. {@code Identity}, {@code Data}, {@code Device}, {@code Apps}, or null
     * @param maxScore the most points the control can give, or null
     * @param rank Microsoft's priority rank (1 first), or null
     * @param remediation how to implement the control (HTML text), or null
     * @param actionUrl where to act on it, or null
     * @throws NullPointerException if {@code id} is null
     */
    public EntraSecureScoreControl {
        Objects.requireNonNull(id, "id");
    }
}
