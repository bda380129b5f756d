package dev.entrasync.testkit;

/**
 * How the simulated token endpoint spoils the next ID token it issues for a redeemed
 * authorization code, so a host can prove it refuses what an attacker (or a broken cloud) would
 * hand it. Queued with {@link ConsentPage#forgeNextIdToken(IdTokenForgery)}; everything else in
 * the token response stays as Entra sends it.
 */
public enum IdTokenForgery {
    /** Signed RS256 with a key that is not in the cloud's JWKS, under the published key's {@code kid}. */
    WRONG_KEY,
    /** Signed RS256 under a {@code kid} the JWKS does not list. */
    UNKNOWN_KEY_ID,
    /** {@code alg: none} and an empty signature. */
    ALG_NONE,
    /** {@code alg: HS256}, the HMAC key being the published RSA public key (the key-confusion attack). */
    HS256_WITH_PUBLIC_KEY,
    /** Correctly signed, but expired an hour ago ({@code iat} two hours ago). */
    EXPIRED,
    /** Correctly signed, for another audience (another app's client id). */
    WRONG_AUDIENCE,
    /** Correctly signed, with a {@code nonce} other than the one the sign-in asked for. */
    WRONG_NONCE,
    /** Correctly signed, without a {@code nonce}. */
    NO_NONCE,
    /** Correctly signed, with an issuer of another host than the cloud's login host. */
    WRONG_ISSUER,
    /**
     * Correctly signed, but naming another tenant of the cloud ({@code tid} and {@code iss} of the
     * first other tenant added) than the administrator's, as if Entra had mixed sign-ins up.
     */
    OTHER_TENANT
}
