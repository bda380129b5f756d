package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.AppState;
import dev.entrasync.testkit.internal.CloudState;
import java.time.Instant;
import java.util.Objects;

/**
 * A multi-tenant app registration in the simulated cloud: its client id, its client secrets and
 * whether it is enabled. Created by {@link SimulatedCloud#registerApp(String, String)}; tests
 * change it at any time, also while requests are in flight. Thread-safe.
 */
public final class SimulatedApp {
    private final AppState state;
    private final CloudState cloud;

    SimulatedApp(AppState state, CloudState cloud) {
        this.state = state;
        this.cloud = cloud;
    }

    /** Returns the client (application) id, lower case. */
    public String clientId() {
        return state.clientId();
    }

    /** Returns the display name tokens carry in {@code app_displayname}. */
    public String displayName() {
        return state.displayName();
    }

    /** Adds a client secret that never expires. */
    public SimulatedApp addSecret(String secret) {
        return addSecret(secret, Instant.MAX);
    }

    /** Adds a client secret that expires at {@code expiresAt} by the cloud's clock. */
    public SimulatedApp addSecret(String secret, Instant expiresAt) {
        state.addSecret(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(expiresAt, "expiresAt"));
        return this;
    }

    /** Removes a secret; afterwards it yields AADSTS7000215 like any wrong secret. */
    public SimulatedApp removeSecret(String secret) {
        if (!state.removeSecret(secret)) {
            throw new IllegalArgumentException("the app has no such secret");
        }
        return this;
    }

    /** Expires a secret now; afterwards it yields AADSTS7000222. */
    public SimulatedApp expireSecret(String secret) {
        if (!state.expireSecret(secret, cloud.now())) {
            throw new IllegalArgumentException("the app has no such secret");
        }
        return this;
    }

    /** Registers a redirect URI the admin-consent page may send administrators back to. */
    public SimulatedApp addRedirectUri(String redirectUri) {
        state.redirectUris().add(Objects.requireNonNull(redirectUri, "redirectUri"));
        return this;
    }

    /**
     * Replaces the application permissions configured on the registration (its
     * {@code requiredResourceAccess}), which the admin-consent page grants.
     */
    public SimulatedApp configurePermissions(String... permissions) {
        java.util.Set<String> wanted = java.util.Set.of(permissions);
        state.configuredPermissions().retainAll(wanted);
        state.configuredPermissions().addAll(wanted);
        return this;
    }

    /** Returns the application permissions configured on the registration. */
    public java.util.Set<String> configuredPermissions() {
        return java.util.Set.copyOf(state.configuredPermissions());
    }

    /** Disables the app; token requests then fail with AADSTS7000112. */
    public SimulatedApp disable() {
        state.disabled(true);
        return this;
    }

    /** Enables a disabled app again. */
    public SimulatedApp enable() {
        state.disabled(false);
        return this;
    }

    @Override
    public String toString() {
        return "SimulatedApp[" + clientId() + "]";
    }
}
