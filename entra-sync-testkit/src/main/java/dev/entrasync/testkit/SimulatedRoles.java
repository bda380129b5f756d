package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.TenantData;
import java.util.Map;

/**
 * The activated directory roles of a simulated tenant, with their members (users, role-assignable
 * groups, service principals). Role membership has no delta in Graph: changes show in
 * {@code /directoryRoles/{id}/members} at once. Thread-safe.
 */
public final class SimulatedRoles extends SimulatedDirectory {
    SimulatedRoles(TenantData tenant) {
        super(tenant, "directoryRoles");
    }

    /**
     * Adds a member to a role.
     *
     * @throws IllegalArgumentException when the role or the member does not exist
     */
    public void addMember(String roleId, String memberId) {
        requireRole(roleId);
        tenant.addRoleMember(roleId, memberId, odataType(memberId));
    }

    /** Removes a member from a role; returns whether it was a member. */
    public boolean removeMember(String roleId, String memberId) {
        requireRole(roleId);
        return tenant.removeRoleMember(roleId, memberId);
    }

    /** Returns a role's members: id to {@code @odata.type}, in the order they were added. */
    public Map<String, String> members(String roleId) {
        requireRole(roleId);
        return tenant.roleMembers(roleId);
    }

    private void requireRole(String roleId) {
        if (get(roleId) == null) {
            throw new IllegalArgumentException("no activated role with id " + roleId);
        }
    }
}
