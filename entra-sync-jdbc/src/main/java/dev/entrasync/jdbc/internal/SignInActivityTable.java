package dev.entrasync.jdbc.internal;

import static dev.entrasync.jdbc.internal.ColumnType.TIMESTAMP;
import static dev.entrasync.jdbc.internal.ColumnType.VARCHAR;

import dev.entrasync.Dataset;
import dev.entrasync.model.EntraSignInActivity;
import java.util.List;

/**
 * The {@code sign_in_activity} table: {@link EntraSignInActivity}, one row per user (the user's object id, the same as
 * {@code users.id}), replaced on every run.
 */
final class SignInActivityTable {

    private SignInActivityTable() {}

    static final DatasetTable<EntraSignInActivity> TABLE = new DatasetTable<>(
            Dataset.SIGN_IN_ACTIVITY,
            "sign_in_activity",
            EntraSignInActivity.class,
            List.of(
                    Column.of("user_principal_name", VARCHAR, EntraSignInActivity::userPrincipalName),
                    Column.of("last_sign_in_at", TIMESTAMP, EntraSignInActivity::lastSignIn),
                    Column.of(
                            "last_non_interactive_sign_in_at",
                            TIMESTAMP,
                            EntraSignInActivity::lastNonInteractiveSignIn),
                    Column.of("last_successful_sign_in_at", TIMESTAMP, EntraSignInActivity::lastSuccessfulSignIn)),
            false,
            row -> new EntraSignInActivity(
                    row.string("id"),
                    row.string("user_principal_name"),
                    row.instant("last_sign_in_at"),
                    row.instant("last_non_interactive_sign_in_at"),
                    row.instant("last_successful_sign_in_at")));
}
