package dev.entrasync.internal.runtime;

import dev.entrasync.CredentialStore;
import dev.entrasync.Sleeper;
import dev.entrasync.internal.graph.GraphTransport;
import java.time.Clock;
import java.util.Objects;

/**
 * What one {@link dev.entrasync.runtime.EntraSync} runtime owns and lends to everything obtained from it: the
 * credential store, the Graph transport (HTTP stack, token cache, app-wide and per-tenant budgets), the
 * clock and the sleeper. The runtime closes the transport; borrowers never do.
 */
public record SharedParts(CredentialStore credentials, GraphTransport transport, Clock clock, Sleeper sleeper) {

    public SharedParts {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }
}
