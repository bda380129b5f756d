package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.BOOLEAN;
import static dev.entrasync.jdbc.internal.ColumnType.INTEGER;
import static dev.entrasync.jdbc.internal.ColumnType.TEXT;
import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.util.List;

/** The {@code users} table: {@link EntraUser}, with MFA and role counts as typed columns to filter on. */
final class UsersTable {

    private UsersTable() {}

    static final DatasetTable<EntraUser> TABLE = new DatasetTable<>(
            Dataset.USERS,
            "users",
            EntraUser.class,
            List.of(
                    Column.of("user_principal_name", VARCHAR, EntraUser::userPrincipalName),
                    Column.of("display_name", VARCHAR, EntraUser::displayName),
                    Column.of("account_enabled", BOOLEAN, EntraUser::accountEnabled),
                    Column.of("user_type", VARCHAR, EntraUser::userType),
                    Column.of("created_at", TIMESTAMP, EntraUser::createdDateTime),
                    Column.of("last_password_change_at", TIMESTAMP, EntraUser::lastPasswordChangeDateTime),
                    Column.of("other_mails", TEXT, u -> JsonText.write(u.otherMails())),
                    Column.of("password_policies", VARCHAR, EntraUser::passwordPolicies),
                    Column.of("assigned_licenses", TEXT, u -> JsonText.write(u.assignedLicenses())),
                    Column.of(
                            "license_count", INTEGER, u -> u.assignedLicenses().size()),
                    Column.of("directory_roles", TEXT, u -> JsonText.write(u.directoryRoles())),
                    Column.of(
                            "directory_role_count",
                            INTEGER,
                            u -> u.directoryRoles().size()),
                    Column.of("mfa_state", VARCHAR, u -> u.mfa().state().name()),
                    Column.of("mfa_capable", BOOLEAN, u -> u.mfa().capable()),
                    Column.of("mfa_methods", TEXT, u -> JsonText.write(u.mfa().methods())),
                    Column.of("mfa_default_method", VARCHAR, u -> u.mfa().defaultMethod())),
            false,
            row -> new EntraUser(
                    row.string("id"),
                    row.string("user_principal_name"),
                    row.string("display_name"),
                    row.bool("account_enabled"),
                    row.string("user_type"),
                    row.instant("created_at"),
                    row.instant("last_password_change_at"),
                    row.strings("other_mails"),
                    row.string("password_policies"),
                    row.objects("assigned_licenses", AssignedLicense.class),
                    row.strings("directory_roles"),
                    new MfaStatus(
                            MfaStatus.State.valueOf(row.string("mfa_state")),
                            row.bool("mfa_capable"),
                            row.strings("mfa_methods"),
                            row.string("mfa_default_method"))));
}
