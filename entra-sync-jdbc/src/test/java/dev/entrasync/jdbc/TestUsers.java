package dev.entrasync.jdbc;

import dev.entrasync.model.AssignedLicense;
import dev.entrasync.model.EntraUser;
import dev.entrasync.model.MfaStatus;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Deterministic users with every field set, for sink and query tests. */
final class TestUsers {

    static final String TENANT_A = "0f2c6a10-0000-4000-8000-00000000000a";
    static final String TENANT_B = "0f2c6a10-0000-4000-8000-00000000000b";

    private TestUsers() {}

    static String id(int n) {
        return String.format("5e1a0000-0000-4000-8000-%012d", n);
    }

    static EntraUser user(int n) {
        return user(n, "User " + n);
    }

    static EntraUser user(int n, String displayName) {
        MfaStatus mfa = switch (n % 3) {
            case 0 ->
                new MfaStatus(MfaStatus.State.REGISTERED, true, List.of("microsoftAuthenticatorPush", "fido2"), "push");
            case 1 -> new MfaStatus(MfaStatus.State.NOT_REGISTERED, false, List.of(), null);
            default -> MfaStatus.unknown();
        };
        return new EntraUser(
                id(n),
                "user" + n + "@contoso.onmicrosoft.com",
                displayName,
                n % 7 != 0,
                n % 10 == 0 ? "Guest" : "Member",
                Instant.parse("2024-01-02T03:04:05Z").plusSeconds(n * 3600L),
                n % 4 == 0 ? null : Instant.parse("2025-06-01T00:00:00Z").plusSeconds(n),
                n % 2 == 0 ? List.of("user" + n + "@example.com", "alt" + n + "@example.com") : List.of(),
                n % 5 == 0 ? "DisablePasswordExpiration" : null,
                n % 3 == 2
                        ? List.of()
                        : List.of(
                                new AssignedLicense("c7df2760-2c81-4ef7-b578-5b5392b571df", "Office 365 E5"),
                                new AssignedLicense("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", null)),
                n % 11 == 0 ? List.of("Global Administrator") : List.of(),
                mfa);
    }

    static List<EntraUser> users(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive)
                .mapToObj(TestUsers::user)
                .toList();
    }
}
