package dev.entrasync.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates one {@code userRegistrationDetails} row per user: registered methods, MFA and SSPR
 * state. {@code isAdmin} is not stored: it is computed from role membership when served.
 */
final class ReportGenerator {
    private static final List<List<String>> METHOD_SETS = List.of(
            List.of("microsoftAuthenticatorPush", "softwareOneTimePasscode"),
            List.of("microsoftAuthenticatorPush", "mobilePhone"),
            List.of("mobilePhone"),
            List.of("microsoftAuthenticatorPush", "windowsHelloForBusiness"),
            List.of("fido2", "microsoftAuthenticatorPush", "passKeyDeviceBound"),
            List.of("email"),
            List.of());
    private final Gen gen;

    ReportGenerator(Gen gen) {
        this.gen = gen;
    }

    Map<String, Object> row(Map<String, Object> user, boolean admin) {
        List<String> methods = admin && gen.chance(0.9)
                ? METHOD_SETS.get(gen.random.nextInt(2))
                : METHOD_SETS.get(gen.random.nextInt(METHOD_SETS.size()));
        return row(user, methods);
    }

    /** A row for a user with exactly these registered methods. */
    static Map<String, Object> row(Map<String, Object> user, List<String> methods) {
        Set<String> strong = Set.of(
                "microsoftAuthenticatorPush",
                "softwareOneTimePasscode",
                "mobilePhone",
                "windowsHelloForBusiness",
                "fido2",
                "passKeyDeviceBound");
        boolean mfa = methods.stream().anyMatch(strong::contains);
        boolean passwordless = methods.stream()
                .anyMatch(m ->
                        m.equals("windowsHelloForBusiness") || m.equals("fido2") || m.equals("passKeyDeviceBound"));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", user.get("id"));
        row.put("isMfaCapable", mfa && Boolean.TRUE.equals(user.get("accountEnabled")));
        row.put("isMfaRegistered", mfa);
        row.put("isPasswordlessCapable", passwordless);
        row.put("isSsprCapable", mfa || methods.contains("email"));
        row.put("isSsprEnabled", true);
        row.put("isSsprRegistered", mfa || methods.contains("email"));
        row.put("isSystemPreferredAuthenticationMethodEnabled", true);
        row.put("lastUpdatedDateTime", user.get("lastPasswordChangeDateTime"));
        row.put("methodsRegistered", new ArrayList<>(methods));
        row.put(
                "systemPreferredAuthenticationMethods",
                methods.contains("microsoftAuthenticatorPush")
                        ? List.of("push")
                        : methods.contains("mobilePhone") ? List.of("sms") : List.of());
        row.put("userDisplayName", user.get("displayName"));
        row.put(
                "userPreferredMethodForSecondaryAuthentication",
                methods.contains("microsoftAuthenticatorPush")
                        ? "push"
                        : methods.contains("softwareOneTimePasscode")
                                ? "oath"
                                : methods.contains("mobilePhone") ? "sms" : "none");
        row.put("userPrincipalName", user.get("userPrincipalName"));
        row.put("userType", "Guest".equals(user.get("userType")) ? "guest" : "member");
        return row;
    }
}
