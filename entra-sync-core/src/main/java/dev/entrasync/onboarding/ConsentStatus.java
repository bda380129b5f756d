package dev.entrasync.onboarding;

/** Whether a credential can read a discovered tenant, found by asking for an app-only token. */
public enum ConsentStatus {
    /** A token was issued: the app has consent there. */
    CONSENTED,
    /** Entra answered that the app is not present in the tenant: an administrator must consent. */
    NOT_CONSENTED,
    /** Another failure (a Conditional Access block, an outage…); see {@link DiscoveredTenant#problem()}. */
    UNREACHABLE
}
