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

    /**
     * The group's kind, from {@code groupTypes}, {@code securityEnabled} and {@code mailEnabled}: a
     * {@code Unified} group is Microsoft 365 whatever its flags; an empty {@code groupTypes} alone does not make
     * a security group (distribution lists have none either).
     *
     * @return the kind; {@link GroupKind#OTHER} when neither flag is set or the flags were not read, never null
     */
    public GroupKind kind() {
        if (groupTypes.stream().anyMatch("Unified"::equalsIgnoreCase)) {
            return GroupKind.MICROSOFT_365;
        }
        boolean security = Boolean.TRUE.equals(securityEnabled);
        boolean mail = Boolean.TRUE.equals(mailEnabled);
        if (security) {
            return mail ? GroupKind.MAIL_ENABLED_SECURITY : GroupKind.SECURITY;
        }
        return mail ? GroupKind.DISTRIBUTION : GroupKind.OTHER;
    }
}
