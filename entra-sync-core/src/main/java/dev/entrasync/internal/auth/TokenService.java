package dev.entrasync.internal.auth;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.GraphLimits;
import dev.entrasync.Sleeper;
import dev.entrasync.TokenException;
import dev.entrasync.TokenFailure;
import dev.entrasync.internal.http.MsalHttpClient;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * App-only tokens through MSAL4J's confidential client (client credentials, scope
 * {@code {graph host}/.default}). One cached token per (credential, tenant), renewed a configurable
 * time before it expires; concurrent callers for the same tenant wait for one request instead of
 * sending their own. Transient failures (5xx, network) are retried with back-off; a wrong or expired
 * secret, a missing consent and the like are not. Also redeems an administrator's sign-in code
 * ({@link #redeemCode}) on the same HTTP plumbing, without touching the app-only clients or tokens.
 * Thread-safe.
 */
public final class TokenService {

    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    /** MSAL refuses http:// authorities and drops the port from its cache key; custom clouds get this alias. */
    static final String CUSTOM_AUTHORITY_ALIAS = "https://login.custom.entrasync.invalid";

    private static final int TOKEN_ATTEMPTS = 3;

    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration renewBefore;
    private final ConcurrentHashMap<AppCredential, ConfidentialClientApplication> apps = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, Slot> slots = new ConcurrentHashMap<>();

    public TokenService(OkHttpClient http, Clock clock, Sleeper sleeper, GraphLimits limits) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.renewBefore = limits.tokenRenewBefore();
    }

    /**
     * A valid token for the tenant, from the cache when it is not about to expire.
     *
     * @throws TokenException when Entra refuses (typed, with the AADSTS code and fix)
     */
    public AccessToken token(AppCredential credential, String tenant) {
        Slot slot = slots.computeIfAbsent(new Key(credential.name(), tenant), k -> new Slot());
        slot.lock.lock();
        try {
            AccessToken cached = slot.token;
            if (cached != null
                    && credential.equals(slot.credential)
                    && clock.instant().isBefore(cached.expiresAt().minus(renewBefore))) {
                return cached;
            }
            AccessToken fresh = acquire(credential, tenant);
            slot.token = fresh;
            slot.credential = credential;
            return fresh;
        } finally {
            slot.lock.unlock();
        }
    }

    /** Forgets the cached token (after Graph answered 401, or a consent change). */
    public void invalidate(AppCredential credential, String tenant) {
        Slot slot = slots.get(new Key(credential.name(), tenant));
        if (slot != null) {
            slot.lock.lock();
            try {
                slot.token = null;
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** Forgets every token and client of this credential (after its secret was rotated or it was deleted). */
    public void forget(String credentialName) {
        slots.keySet().removeIf(k -> k.credentialName().equals(credentialName));
        apps.keySet().removeIf(c -> c.name().equals(credentialName));
    }

    private AccessToken acquire(AppCredential credential, String tenant) {
        ConfidentialClientApplication app =
                apps.computeIfAbsent(credential, c -> newApp(c, c.homeTenant().value()));
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(
                        Set.of(credential.cloud().graphScope()))
                .tenant(tenant)
                .skipCache(true) // this class is the cache, on the injected clock
                .build();
        TokenException last = null;
        for (int attempt = 1; attempt <= TOKEN_ATTEMPTS; attempt++) {
            try {
                IAuthenticationResult result = app.acquireToken(parameters).get();
                JwtClaims claims = JwtClaims.of(result.accessToken());
                // MSAL computes expiry on the system clock; keep the lifetime, measured on ours.
                Duration lifetime =
                        Duration.between(Instant.now(), result.expiresOnDate().toInstant());
                Instant expiresAt = clock.instant().plus(lifetime);
                LOG.debug(
                        "Token for tenant {} with credential '{}' valid until {}",
                        tenant,
                        credential.name(),
                        expiresAt);
                return new AccessToken(result.accessToken(), expiresAt, claims.tenantId(), claims.roles());
            } catch (ExecutionException e) {
                last = TokenErrors.map(e.getCause() == null ? e : e.getCause(), credential, tenant);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenException(
                        TokenFailure.SERVICE_UNAVAILABLE,
                        null,
                        credential.name(),
                        TenantIds.orNull(tenant),
                        "interrupted while waiting for the token endpoint",
                        e);
            } catch (RuntimeException e) {
                last = TokenErrors.map(e, credential, tenant);
            }
            if (!last.isTransient() || attempt == TOKEN_ATTEMPTS) {
                break;
            }
            LOG.info("Token request for tenant {} failed transiently ({}); retrying", tenant, last.failure());
            pause(Duration.ofSeconds(1L << (attempt - 1)));
        }
        throw last;
    }

    /**
     * Redeems an authorization code from an administrator's OpenID Connect sign-in (authorization-code
     * grant with PKCE, the credential's secret) and returns the raw ID token, unverified: checking it
     * is the caller's. One attempt, no retry: a code is single-use. The MSAL client is made for this
     * one call and dropped, so the signed-in administrator's tokens and account never enter a cache
     * and never mix with the app-only tokens.
     *
     * @param authority the tenant segment the sign-in used ({@code organizations}, a GUID or a domain)
     * @throws TokenException when Entra refuses the code (typed, with the AADSTS code) or cannot be reached
     */
    public String redeemCode(
            AppCredential credential, String authority, String code, URI redirectUri, String codeVerifier) {
        ConfidentialClientApplication app = newApp(credential, authority);
        AuthorizationCodeParameters parameters = AuthorizationCodeParameters.builder(code, redirectUri)
                .scopes(Set.of(credential.cloud().graphScope()))
                .codeVerifier(codeVerifier)
                .build();
        try {
            IAuthenticationResult result = app.acquireToken(parameters).get();
            return result.idToken();
        } catch (ExecutionException e) {
            throw TokenErrors.map(e.getCause() == null ? e : e.getCause(), credential, authority);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(
                    TokenFailure.SERVICE_UNAVAILABLE,
                    null,
                    credential.name(),
                    TenantIds.orNull(authority),
                    "interrupted while waiting for the token endpoint",
                    e);
        } catch (RuntimeException e) {
            throw TokenErrors.map(e, credential, authority);
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConfidentialClientApplication newApp(AppCredential credential, String authorityTenant) {
        Cloud cloud = credential.cloud();
        String real = cloud.loginUrl().toString();
        String msalBase = cloud.isCustom() ? CUSTOM_AUTHORITY_ALIAS : real;
        try {
            return ConfidentialClientApplication.builder(credential.clientId(), clientCredential(credential))
                    .authority(msalBase + "/" + authorityTenant + "/")
                    .instanceDiscovery(false)
                    .validateAuthority(!cloud.isCustom())
                    .logPii(false)
                    .disableInternalRetries() // retries are ours, so they never multiply
                    .httpClient(new MsalHttpClient(http, msalBase, real))
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cloud: login URL is not a valid authority: " + real, e);
        }
    }

    /**
     * MSAL's form of the credential. For a certificate, MSAL4J 1.26.1 signs the client assertion itself
     * (JwtHelper: header {@code alg=RS256}, {@code typ=JWT}, the certificate's SHA-256 thumbprint as
     * {@code x5t#S256}; claims {@code aud} = token endpoint, {@code iss} = {@code sub} = client id, {@code jti},
     * {@code nbf} = now, {@code exp} = now + 10 minutes), as Microsoft documents for certificate credentials:
     * https://learn.microsoft.com/entra/identity-platform/certificate-credentials. For an assertion provider,
     * MSAL calls it at each token request (no caching here, so each request gets a fresh assertion).
     */
    private static IClientCredential clientCredential(AppCredential credential) {
        return switch (credential.kind()) {
            case SECRET ->
                ClientCredentialFactory.createFromSecret(credential.secret().reveal());
            case CERTIFICATE ->
                ClientCredentialFactory.createFromCertificateChain(
                        credential.certificate().privateKey(),
                        credential.certificate().chain());
            case ASSERTION ->
                ClientCredentialFactory.createFromCallback((Callable<String>) () -> checkedAssertion(credential));
        };
    }

    /** Calls the host's provider and refuses what cannot be an assertion, without ever quoting it. */
    static String checkedAssertion(AppCredential credential) {
        String assertion;
        try {
            assertion = credential.assertionProvider().assertion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionCallbackException("the callback was interrupted");
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            // Its message is not repeated: it may quote the token the callback read.
            throw new AssertionCallbackException("the callback threw "
                    + e.getClass().getName() + " (its message is not repeated here because it may contain a token)");
        }
        if (assertion == null) {
            throw new AssertionCallbackException("the callback returned null instead of a signed token");
        }
        String trimmed = assertion.trim();
        if (trimmed.isEmpty()) {
            throw new AssertionCallbackException("the callback returned an empty string instead of a signed token");
        }
        if (!COMPACT_JWS.matcher(trimmed).matches()) {
            throw new AssertionCallbackException("the callback returned " + trimmed.length()
                    + " characters that are not a signed JWT (three base64url parts separated by dots)");
        }
        return trimmed;
    }

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private record Key(String credentialName, String tenant) {}

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        AccessToken token;
        AppCredential credential;
    }
}
