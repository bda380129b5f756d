package dev.entrasync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When a user last signed in, from the {@code signInActivity} property of Graph {@code /users} (Microsoft Entra ID P1
 * and AuditLog.Read.All). One record per user, keyed by the user's object id, the same id as {@link EntraUser#id()}.
 *
 * <p>Only a tenant with P1 delivers these records: without P1 the dataset delivers none and says so in a warning, so
 * a record whose times are all null means the user truly has no sign-in Microsoft kept (never signed in, or last
 * before April 2020), never "unknown". Microsoft keeps interactive sign-ins from April 2020, non-interactive ones
 * from May 2020 and successful ones from 1 December 2023 (not back-filled), so {@link #lastSuccessfulSignIn()} can be
 * null for a user with older sign-ins (https://learn.microsoft.com/graph/api/resources/signinactivity).
 *
 * @param id the user's object id
 * @param userPrincipalName the user's sign-in name, or null
 * @param lastSignIn the last interactive sign-in attempt, successful or not ({@code lastSignInDateTime}), or null
 * @param lastNonInteractiveSignIn the last non-interactive sign-in attempt, successful or not, such as a client
 *     refreshing a token ({@code lastNonInteractiveSignInDateTime}), or null
 * @param lastSuccessfulSignIn the last successful sign-in, interactive or not ({@code lastSuccessfulSignInDateTime}),
 *     or null
 */
public record EntraSignInActivity(
        String id,
        String userPrincipalName,
        Instant lastSignIn,
        Instant lastNonInteractiveSignIn,
        Instant lastSuccessfulSignIn)
        implements EntraRecord {

    /**
     * Validates the components.
     *
     * @param id the user's object id; never null
     * @param userPrincipalName the user's sign-in name; may be null
     * @param lastSignIn the last interactive sign-in attempt; may be null
     * @param lastNonInteractiveSignIn the last non-interactive sign-in attempt; may be null
     * @param lastSuccessfulSignIn the last successful sign-in; may be null
     * @throws NullPointerException if {@code id} is null
     */
    public EntraSignInActivity {
        Objects.requireNonNull(id, "id");
    }

    /**
     * The latest of the three times: the last sign-in of any kind Microsoft kept, for "inactive for N days".
     *
     * @return the latest non-null time; null when all three are null (no sign-in kept)
     */
    public Instant lastActivity() {
        Instant latest = null;
        for (Instant at : new Instant[] {lastSignIn, lastNonInteractiveSignIn, lastSuccessfulSignIn}) {
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest;
    }
}
