package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraRole;
import dev.entrasync.model.EntraRoleMember;
import java.util.List;

/** The {@code roles} table: {@link EntraRole}, its members as JSON text beside their count. */
final class RolesTable {

    private RolesTable() {}

    static final DatasetTable<EntraRole> TABLE = new DatasetTable<>(
            Dataset.ROLES,
            "roles",
            EntraRole.class,
            List.of(
                    Column.of("display_name", VARCHAR, EntraRole::displayName),
                    Column.of("description", TEXT, EntraRole::description),
                    Column.of("role_template_id", VARCHAR, EntraRole::roleTemplateId),
                    Column.of("member_count", INTEGER, EntraRole::memberCount),
                    Column.of("members", TEXT, r -> JsonText.write(r.members()))),
            false,
            row -> new EntraRole(
                    row.string("id"),
                    row.string("display_name"),
                    row.string("description"),
                    row.string("role_template_id"),
                    row.objects("members", EntraRoleMember.class)));
}
