package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraGroup;
import java.util.List;

/** The {@code groups} table: {@link EntraGroup}, list fields as JSON text. */
final class GroupsTable {

    private GroupsTable() {}

    static final DatasetTable<EntraGroup> TABLE = new DatasetTable<>(
            Dataset.GROUPS,
            "groups",
            EntraGroup.class,
            List.of(
                    Column.of("display_name", VARCHAR, EntraGroup::displayName),
                    Column.of("mail", VARCHAR, EntraGroup::mail),
                    Column.of("group_types", TEXT, g -> JsonText.write(g.groupTypes())),
                    Column.of("mail_enabled", BOOLEAN, EntraGroup::mailEnabled),
                    Column.of("mail_nickname", VARCHAR, EntraGroup::mailNickname),
                    Column.of("proxy_addresses", TEXT, g -> JsonText.write(g.proxyAddresses())),
                    Column.of("resource_behavior_options", TEXT, g -> JsonText.write(g.resourceBehaviorOptions())),
                    Column.of("security_enabled", BOOLEAN, EntraGroup::securityEnabled),
                    Column.of("security_identifier", VARCHAR, EntraGroup::securityIdentifier),
                    Column.of("member_count", INTEGER, EntraGroup::memberCount)),
            false,
            row -> new EntraGroup(
                    row.string("id"),
                    row.string("display_name"),
                    row.string("mail"),
                    row.strings("group_types"),
                    row.bool("mail_enabled"),
                    row.string("mail_nickname"),
                    row.strings("proxy_addresses"),
                    row.strings("resource_behavior_options"),
                    row.bool("security_enabled"),
                    row.string("security_identifier"),
                    row.integer("member_count")));
}
