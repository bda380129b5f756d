package dev.entrasync.testkit.internal;

import java.util.Set;

/**
 * Reads the testkit's package-private {@link RoleAuditEvents#PRIVILEGED} for core's tests, which see both it and
 * {@code BuiltInRules}: this class sits in the testkit's package on core's test classpath, so neither list is widened
 * in the main code. Used by {@code dev.entrasync.findings.PrivilegedRolesTest}.
 */
public final class TestkitPrivilegedRoles {

    private TestkitPrivilegedRoles() {}

    /**
     * The template ids the simulated cloud's generated role history never assigns.
     *
     * @return the testkit's privileged role template ids; never null
     */
    public static Set<String> templateIds() {
        return RoleAuditEvents.PRIVILEGED;
    }
}
