package dev.entrasync.model;

import java.util.List;
import java.util.Objects;

/**
 * A group, from Graph {@code /groups} (or {@code /groups/delta}), with its direct member count.
 *
 * @param id object id
 * @param displayName the name, or null
 * @param mail the primary SMTP address, or null
 * @param groupTypes e.g. {@code Unified} (Microsoft 365 group), {@code DynamicMembership}; empty for a plain security group
 * @param mailEnabled whether mail-enabled, or null
 * @param mailNickname the mail alias, or null
 * @param proxyAddresses e.g. {@code SMTP:team@contoso.com}
 * @param resourceBehaviorOptions Microsoft 365 group behaviours, e.g. {@code WelcomeEmailDisabled}
 * @param securityEnabled whether a security group, or null
 * @param securityIdentifier the group's Windows SID, or null
 * @param memberCount direct members (users, groups, devices, service principals), or null when not counted
 */
public record EntraGroup(
        String id,
        String displayName,
        String mail,
        List<String> groupTypes,
        Boolean mailEnabled,
        String mailNickname,
        List<String> proxyAddresses,
        List<String> resourceBehaviorOptions,
        Boolean securityEnabled,
        String securityIdentifier,
        Integer memberCount)
        implements EntraRecord {

    /**
     * Validates the components; copies the lists into unmodifiable ones, null read as empty.
     *
     * @param id object id; never null
     * @param displayName the name, or null
     * @param mail the primary SMTP address, or null
     * @param groupTypes e.g. {@code Unified} (Microsoft 365 group), {@code DynamicMembership}; empty for a plain
     *     security group; null is read as empty
     * @param mailEnabled whether mail-enabled, or null
     * @param mailNickname the mail alias, or null
     * @param proxyAddresses e.g. {@code SMTP:team@contoso.com}; null is read as empty
     * @param resourceBehaviorOptions Microsoft 365 group behaviours, e.g. {@code WelcomeEmailDisabled}; null is read as
     *     empty
     * @param securityEnabled whether a security group, or null
     * @param securityIdentifier the group's Windows SID, or null
     * @param memberCount direct members (users, groups, devices, service principals), or null when not counted
     * @throws NullPointerException if {@code id} is null
     */
    public EntraGroup {
        Objects.requireNonNull(id, "id");
        groupTypes = groupTypes == null ? List.of() : List.copyOf(groupTypes);
        proxyAddresses = proxyAddresses == null ? List.of() : List.copyOf(proxyAddresses);
        resourceBehaviorOptions = resourceBehaviorOptions == null ? List.of() : List.copyOf(resourceBehaviorOptions);
    }
}
