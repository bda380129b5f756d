package dev.entrasync.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entrasync.testkit.internal.TestkitPrivilegedRoles;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The testkit cannot depend on core, so it repeats {@link BuiltInRules#PRIVILEGED_ROLES}' template ids (its generated
 * role history must never assign a privileged role, or a generated tenant would show a fresh privileged assignment).
 * A role added to one list and not the other fails here.
 */
class PrivilegedRolesTest {

    @Test
    void theTestkitCountsTheSameRolesAsPrivilegedAsTheBuiltInRules() {
        Set<String> core = new TreeSet<>(BuiltInRules.PRIVILEGED_ROLES.keySet());
        Set<String> testkit = new TreeSet<>(TestkitPrivilegedRoles.templateIds());

        assertThat(testkit)
                .as("RoleAuditEvents.PRIVILEGED (testkit) against BuiltInRules.PRIVILEGED_ROLES (core)")
                .containsExactlyElementsOf(core);
    }
}
