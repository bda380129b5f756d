package dev.entrasync.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /users/{id}/authentication/methods} (UserAuthenticationMethod.Read.All): one user's
 * registered methods, one page, each with its {@code @odata.type}. Derived from the user's
 * {@code userRegistrationDetails} row, so the per-user answer and the report always agree: every
 * user has a password; {@code microsoftAuthenticatorPush}, {@code mobilePhone},
 * {@code softwareOneTimePasscode}, {@code fido2}, {@code passKeyDeviceBound},
 * {@code windowsHelloForBusiness} and {@code email} each add their method. Ids are stable.
 */
final class AuthenticationMethodsEndpoint implements GraphHandler {
    /** Graph's fixed id of the password method. */
    static final String PASSWORD_ID = "28c10230-6103-485e-b985-444c60001490";

    @Override
    public SimResponse handle(GraphContext ctx) {
        ctx.require(GraphPermissions.AUTHENTICATION_METHODS);
        String userId = ctx.pathParam(0);
        TenantData tenant = ctx.tenant();
        Map<String, Object> user = tenant.store("users").get(userId);
        if (user == null) {
            throw GraphException.notFound(userId);
        }
        EntityStore report = tenant.store("userRegistrationDetails");
        Map<String, Object> row = report == null ? null : report.get(userId);
        List<Map<String, Object>> items = methods(user, row);
        ctx.cost(1);
        ctx.objects(items.size());
        String context = ctx.cloud().graphUrl() + "/v1.0/$metadata#users('" + userId + "')/authentication/methods";
        return SimResponse.json(
                200,
                PageWriter.page(context, items, Selection.parse(null, "authenticationMethod", null), null, null, null));
    }

    static List<Map<String, Object>> methods(Map<String, Object> user, Map<String, Object> row) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> password = method("passwordAuthenticationMethod", PASSWORD_ID, user.get("createdDateTime"));
        password.put("password", null);
        out.add(password);
        Object registered = row == null ? null : row.get("methodsRegistered");
        if (!(registered instanceof List<?> names)) {
            return out;
        }
        String userId = (String) user.get("id");
        Object since = row.get("lastUpdatedDateTime");
        for (Object raw : names) {
            String name = String.valueOf(raw);
            Map<String, Object> method = switch (name) {
                case "microsoftAuthenticatorPush" -> authenticator(userId, since);
                case "mobilePhone" -> phone(userId);
                case "softwareOneTimePasscode" -> method("softwareOathAuthenticationMethod", id(userId, name), since);
                case "fido2", "passKeyDeviceBound" -> fido2(userId, name, since);
                case "windowsHelloForBusiness" -> hello(userId, since);
                case "email" -> email(user, since);
                default -> null;
            };
            if (method != null) {
                out.add(method);
            }
        }
        return out;
    }

    private static Map<String, Object> authenticator(String userId, Object since) {
        Map<String, Object> m =
                method("microsoftAuthenticatorAuthenticationMethod", id(userId, "authenticator"), since);
        m.put("displayName", "iPhone");
        m.put("deviceTag", "SoftwareTokenActivated");
        m.put("phoneAppVersion", "6.8.7");
        return m;
    }

    private static Map<String, Object> phone(String userId) {
        Map<String, Object> m = method("phoneAuthenticationMethod", "3179e48a-750b-4051-897c-87b9720928f7", null);
        m.put("phoneNumber", "+1 425555" + String.format("%04d", Math.floorMod(userId.hashCode(), 10_000)));
        m.put("phoneType", "mobile");
        m.put("smsSignInState", "notAllowedByPolicy");
        return m;
    }

    private static Map<String, Object> fido2(String userId, String name, Object since) {
        Map<String, Object> m = method("fido2AuthenticationMethod", id(userId, name), since);
        boolean passkey = name.equals("passKeyDeviceBound");
        m.put("displayName", passkey ? "Passkey" : "Security key");
        m.put("model", passkey ? "Microsoft Authenticator - iOS" : "YubiKey 5 NFC");
        m.put("aaGuid", passkey ? "90a3ccdf-635c-4729-a248-9b709135078f" : "cb69481e-8ff7-4039-93ec-0a2729a154a8");
        m.put("attestationLevel", "attested");
        return m;
    }

    private static Map<String, Object> hello(String userId, Object since) {
        Map<String, Object> m = method("windowsHelloForBusinessAuthenticationMethod", id(userId, "hello"), since);
        m.put("displayName", "DESKTOP-" + userId.substring(0, 7).toUpperCase(java.util.Locale.ROOT));
        m.put("keyStrength", "normal");
        return m;
    }

    private static Map<String, Object> email(Map<String, Object> user, Object since) {
        Map<String, Object> m = method("emailAuthenticationMethod", "3ddfcfc8-9383-446f-83cc-3ab9be4be18f", since);
        Object other = user.get("otherMails");
        m.put("emailAddress", other instanceof List<?> list && !list.isEmpty() ? list.get(0) : "recovery@example.com");
        return m;
    }

    private static Map<String, Object> method(String type, String id, Object created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@odata.type", "#microsoft.graph." + type);
        m.put("id", id);
        m.put("createdDateTime", created);
        return m;
    }

    private static String id(String userId, String method) {
        return UUID.nameUUIDFromBytes((userId + "/" + method).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
