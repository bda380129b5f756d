package dev.entrasync.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A group's kind comes from groupTypes, securityEnabled and mailEnabled together. */
class EntraGroupTest {

    private static EntraGroup group(List<String> groupTypes, Boolean mailEnabled, Boolean securityEnabled) {
        return new EntraGroup(
                "g1", "Team", null, groupTypes, mailEnabled, null, List.of(), List.of(), securityEnabled, null, 3);
    }

    @Test
    void unifiedIsMicrosoft365WhateverItsFlags() {
        assertThat(group(List.of("Unified"), true, false).kind()).isEqualTo(GroupKind.MICROSOFT_365);
        assertThat(group(List.of("Unified", "DynamicMembership"), true, true).kind())
                .isEqualTo(GroupKind.MICROSOFT_365);
        assertThat(GroupKind.MICROSOFT_365.label()).isEqualTo("Microsoft 365");
    }

    @Test
    void securityEnabledWithoutMailIsSecurity() {
        assertThat(group(List.of(), false, true).kind()).isEqualTo(GroupKind.SECURITY);
        assertThat(group(List.of("DynamicMembership"), false, true).kind()).isEqualTo(GroupKind.SECURITY);
        assertThat(GroupKind.SECURITY.label()).isEqualTo("Security");
    }

    @Test
    void securityEnabledWithMailIsMailEnabledSecurity() {
        assertThat(group(List.of(), true, true).kind()).isEqualTo(GroupKind.MAIL_ENABLED_SECURITY);
        assertThat(GroupKind.MAIL_ENABLED_SECURITY.label()).isEqualTo("Mail-enabled security");
    }

    @Test
    void mailWithoutSecurityIsDistributionNotSecurity() {
        assertThat(group(List.of(), true, false).kind()).isEqualTo(GroupKind.DISTRIBUTION);
        assertThat(GroupKind.DISTRIBUTION.label()).isEqualTo("Distribution");
    }

    @Test
    void neitherFlagNorUnifiedIsOther() {
        assertThat(group(List.of(), false, false).kind()).isEqualTo(GroupKind.OTHER);
        assertThat(group(null, null, null).kind()).isEqualTo(GroupKind.OTHER);
    }
}
