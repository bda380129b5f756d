package dev.entrasync.model;

/**
 * The session controls of a Conditional Access policy ({@code sessionControls}); each is null when the policy does
 * not set it.
 *
 * @param signInFrequencyValue how often users must sign in again, in {@link #signInFrequencyType()} units, or null
 * @param signInFrequencyType {@code hours} or {@code days}, or null
 * @param signInFrequencyInterval {@code timeBased} or {@code everyTime}, or null
 * @param persistentBrowserMode {@code always} or {@code never} (persistent browser sessions), or null
 * @param cloudAppSecurityType the Defender for Cloud Apps control, e.g. {@code monitorOnly}, {@code blockDownloads},
 *     or null
 * @param applicationEnforcedRestrictions whether app-enforced restrictions are on, or null
 * @param disableResilienceDefaults whether resilience defaults are off, or null
 */
public record ConditionalAccessSession(
        Integer signInFrequencyValue,
        String signInFrequencyType,
        String signInFrequencyInterval,
        String persistentBrowserMode,
        String cloudAppSecurityType,
        Boolean applicationEnforcedRestrictions,
        Boolean disableResilienceDefaults) {

    /** No session controls. */
    public static final ConditionalAccessSession NONE =
            new ConditionalAccessSession(null, null, null, null, null, null, null);

    /**
     * Whether any session control is set.
     *
     * @return false for {@link #NONE}
     */
    public boolean any() {
        return !equals(NONE);
    }
}
