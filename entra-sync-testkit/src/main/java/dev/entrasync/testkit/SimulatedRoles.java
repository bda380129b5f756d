package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.RoleAuditEvents;
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
     * Adds a member to a role, and logs it as Entra ID does: a directory audit {@code Add member to role} at the
     * cloud's current time (its {@link SimulatedCloud#clock(java.time.Clock) clock}), naming the member and the role
     * (its object id, name and template id), initiated by the tenant's first other Global Administrator. Adding a
     * member the role already has changes and logs nothing.
     *
     * @throws IllegalArgumentException when the role or the member does not exist
     */
    public void addMember(String roleId, String memberId) {
        requireRole(roleId);
        String type = odataType(memberId);
        if (tenant.roleMembers(roleId).containsKey(memberId)) {
            return;
        }
        RoleAuditEvents.record(tenant, roleId, memberId, true);
        tenant.addRoleMember(roleId, memberId, type);
    }

    /**
     * Removes a member from a role; returns whether it was a member. A removal is logged like {@link #addMember}'s
     * addition, as {@code Remove member from role}; removing a non-member logs nothing.
     *
     * @throws IllegalArgumentException when the role does not exist
     */
    public boolean removeMember(String roleId, String memberId) {
        requireRole(roleId);
        if (!tenant.roleMembers(roleId).containsKey(memberId)) {
            return false;
        }
        RoleAuditEvents.record(tenant, roleId, memberId, false);
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
