package dev.entrasync.testkit.internal;

import java.time.Duration;

/**
 * What the next administrator at the simulated admin-consent page does.
 *
 * @param kind approve, decline or cancel
 * @param tenant the approving administrator's tenant (null unless approving)
 * @param propagationDelay how long the token endpoint keeps not seeing the new consent (approve only)
 */
public record ConsentAnswer(Kind kind, TenantData tenant, Duration propagationDelay) {

    /** The administrator's choice. */
    public enum Kind {
        APPROVE,
        DECLINE,
        CANCEL
    }
}
