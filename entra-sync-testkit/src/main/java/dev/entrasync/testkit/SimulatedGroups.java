package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.TenantData;
import java.util.Map;

/**
 * The groups of a simulated tenant, with their memberships. A member may be a user, a device, a
 * service principal or another group. Membership changes show up in {@code /groups/delta} as
 * {@code members@delta}. Thread-safe.
 */
public final class SimulatedGroups extends SimulatedDirectory {
    SimulatedGroups(TenantData tenant) {
        super(tenant, "groups");
    }

    /**
     * Adds a member to a group.
     *
     * @throws IllegalArgumentException when the group or the member does not exist
     */
    public void addMember(String groupId, String memberId) {
        requireGroup(groupId);
        tenant.addGroupMember(groupId, memberId, odataType(memberId), true);
    }

    /** Removes a member from a group; returns whether it was a member. */
    public boolean removeMember(String groupId, String memberId) {
        requireGroup(groupId);
        return tenant.removeGroupMember(groupId, memberId);
    }

    /** Returns a group's direct members: id to {@code @odata.type}, in the order they were added. */
    public Map<String, String> members(String groupId) {
        requireGroup(groupId);
        return tenant.groupMembers(groupId);
    }

    private void requireGroup(String groupId) {
        if (get(groupId) == null) {
            throw new IllegalArgumentException("no group with id " + groupId);
        }
    }
}
