package dev.entrasync.internal.onboarding;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the {@code error} / {@code error_description} of an admin-consent redirect into words a
 * person can act on. Microsoft says not to branch on the description text, so only the AADSTS
 * number and the {@code error} field are read.
 */
public final class ConsentErrors {

    /** Words and fix for one failure. {@code aadstsCode} may be null. */
    public record Explained(Integer aadstsCode, String words, String fix) {}

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");

    private static final Map<Integer, String[]> KNOWN = Map.of(
            65004,
                    new String[] {
                        "The administrator declined to grant the app access to the tenant.",
                        "Ask the administrator to open the consent link again and choose Accept."
                    },
            90094,
                    new String[] {
                        "The person who signed in is not allowed to grant admin consent.",
                        "Sign in with a Global Administrator or Privileged Role Administrator of the tenant."
                    },
            50020,
                    new String[] {
                        "The account that signed in does not belong to the tenant the link was for.",
                        "Sign in with an administrator account of that tenant, or use a link for the tenant the account belongs to."
                    },
            50011,
                    new String[] {
                        "The redirect URI is not registered on the app registration.",
                        "Add the host's redirect URI exactly as configured (Authentication > Redirect URIs) to the app registration."
                    },
            700016,
                    new String[] {
                        "The app was not found: the client id is wrong or the app was deleted.",
                        "Check the credential's client id against the app registration's Overview page."
                    },
            70011,
                    new String[] {
                        "Microsoft refused the requested scope.",
                        "The consent link must ask for {graph host}/.default; build it with entra-sync's ConsentFlow."
                    });

    private ConsentErrors() {}

    /** Explains a declined or failed consent. */
    public static Explained explain(String error, String description) {
        Integer code = aadsts(description);
        String[] known = code == null ? null : KNOWN.get(code);
        if (known != null) {
            return new Explained(code, known[0], known[1]);
        }
        if ("access_denied".equals(error)) {
            return new Explained(
                    code,
                    "The administrator did not grant the app access to the tenant.",
                    "Ask a Global Administrator of the tenant to open the consent link again and choose Accept.");
        }
        return new Explained(
                code,
                "Microsoft Entra did not grant admin consent (" + error + ").",
                "Look the AADSTS code up at " + dev.entrasync.Cloud.AADSTS_LOOKUP + ", fix the app registration or the"
                        + " sign-in, then open a new consent link.");
    }

    /**
     * Why Microsoft would not redeem a sign-in's authorization code, and what to do, for
     * {@code ConsentResult.NotProven}. Microsoft's description is quoted (it never carries the secret).
     */
    public static String codeRefused(dev.entrasync.TokenException e) {
        Integer code = e.aadstsCode().orElse(null);
        String said = e.microsoftDescription()
                .map(d -> " Microsoft said" + (code == null ? "" : " (AADSTS" + code + ")") + ": \"" + d + "\".")
                .orElse(code == null ? "" : " (AADSTS" + code + ")");
        String why;
        if (e.isTransient()) {
            why = "Microsoft's token endpoint could not be reached or failed while redeeming the sign-in's code."
                    + said + " Nothing was recorded; the administrator's consent itself may have been given: open a"
                    + " new consent link once the cloud answers again.";
            return why;
        }
        if (code != null && code == 54005) {
            why = "The sign-in's authorization code was already redeemed: this redirect was replayed, or its code"
                    + " was used by someone else.";
        } else if (code != null && code == 70008) {
            why = "The sign-in's authorization code expired (codes last about 10 minutes) before it was redeemed.";
        } else if (code != null && code == 700005) {
            why = "The sign-in's authorization code was issued for another tenant than the one this consent link is"
                    + " for: an administrator of another tenant signed in.";
        } else if (code != null && code == 501481) {
            why = "The sign-in's authorization code does not belong to this consent link (its PKCE proof does not"
                    + " match): the redirect was altered or mixed with another sign-in.";
        } else if (code != null && (code == 7000215 || code == 7000222 || code == 700016 || code == 7000112)) {
            return "Microsoft refused the credential while redeeming the sign-in's code, so the consent cannot be"
                    + " confirmed and nothing was recorded. " + e.getMessage();
        } else {
            why = "Microsoft refused to redeem the sign-in's authorization code.";
        }
        return why + said + " Nothing was recorded; open a new consent link.";
    }

    /** The AADSTS number in a description, or null. */
    public static Integer aadsts(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = AADSTS.matcher(description);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
