package dev.entrasync.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the simulated administrator does on the admin-consent page: grant (for a tenant, with
 * application permissions, optionally visible to the token endpoint only after a propagation
 * delay), decline, or cancel. Queue answers with {@link ConsentPrompts#nextAnswer(ConsentAnswer)}.
 * Immutable.
 */
public final class ConsentAnswer {
  /** The administrator's choice. */
  public enum Kind {
    /** Consent is granted; the redirect carries {@code admin_consent=True&tenant=...}. */
    GRANT,
    /** Consent is declined; the redirect carries {@code error=access_denied} (AADSTS65004). */
    DECLINE,
    /** The administrator cancelled; the redirect also carries {@code error_subcode=cancel}. */
    CANCEL
  }

  private final Kind kind;
  private final SimulatedTenant tenant;
  private final Set<String> permissions;
  private final Duration delay;
  private final int hiddenTokenRequests;

  private ConsentAnswer(Kind kind, SimulatedTenant tenant, Set<String> permissions, Duration delay,
      int hiddenTokenRequests) {
    this.kind = kind;
    this.tenant = tenant;
    this.permissions = permissions;
    this.delay = delay;
    this.hiddenTokenRequests = hiddenTokenRequests;
  }

  /** An administrator of {@code tenant} grants these application permissions. */
  public static ConsentAnswer grant(SimulatedTenant tenant, String... permissions) {
    return new ConsentAnswer(Kind.GRANT, Objects.requireNonNull(tenant, "tenant"),
        Set.of(permissions), Duration.ZERO, 0);
  }

  /** The administrator declines. */
  public static ConsentAnswer decline() {
    return new ConsentAnswer(Kind.DECLINE, null, Set.of(), Duration.ZERO, 0);
  }

  /** The administrator cancels. */
  public static ConsentAnswer cancel() {
    return new ConsentAnswer(Kind.CANCEL, null, Set.of(), Duration.ZERO, 0);
  }

  /** Returns a grant whose consent the token endpoint sees only after {@code delay} (sim clock). */
  public ConsentAnswer propagationDelay(Duration delay) {
    requireGrant();
    return new ConsentAnswer(kind, tenant, permissions, Objects.requireNonNull(delay, "delay"),
        hiddenTokenRequests);
  }

  /** Returns a grant whose first {@code tokenRequests} token requests still get AADSTS700016. */
  public ConsentAnswer propagationDelay(int tokenRequests) {
    requireGrant();
    if (tokenRequests < 0) {
      throw new IllegalArgumentException("tokenRequests must be >= 0, was " + tokenRequests);
    }
    return new ConsentAnswer(kind, tenant, permissions, delay, tokenRequests);
  }

  private void requireGrant() {
    if (kind != Kind.GRANT) {
      throw new IllegalStateException("only a grant has a propagation delay");
    }
  }

  /** Returns the choice. */
  public Kind kind() {
    return kind;
  }

  /** Returns the granting tenant; null unless {@link Kind#GRANT}. */
  public SimulatedTenant tenant() {
    return tenant;
  }

  /** Returns the granted permissions; empty unless {@link Kind#GRANT}. */
  public Set<String> permissions() {
    return permissions;
  }

  Duration delay() {
    return delay;
  }

  int hiddenTokenRequests() {
    return hiddenTokenRequests;
  }
}
