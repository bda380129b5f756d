package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.TenantGenerator;
import dev.entrasync.testkit.internal.TenantSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Generates a realistic tenant, deterministically: the same name, seed, counts and
 * {@link #asOf(Instant)} give the same ids, names and values every time. Dates are spread before
 * "as of" (by default the start of the current UTC day, so audit logs fall in the retention
 * window). Not thread-safe; use one builder per tenant.
 *
 * <pre>{@code
 * SimulatedTenant contoso = TenantBuilder.create("Contoso").seed(42).users(2500)
 *     .customDomain("contoso.com").build();
 * }</pre>
 */
public final class TenantBuilder {
  private final String name;
  private long seed;
  private Instant asOf = Instant.now().truncatedTo(ChronoUnit.DAYS);
  private boolean premium = true;
  private String customDomain;
  private int users = 25;
  private int guests = -1;

  private TenantBuilder(String name) {
    this.name = name;
  }

  /**
   * Starts a tenant named {@code displayName}; its initial domain is the name lower-cased, letters
   * and digits only, plus {@code .onmicrosoft.com}.
   */
  public static TenantBuilder create(String displayName) {
    Objects.requireNonNull(displayName, "displayName");
    if (displayName.chars().noneMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("displayName needs a letter or digit: " + displayName);
    }
    return new TenantBuilder(displayName);
  }

  /** Sets the random seed (default 0). */
  public TenantBuilder seed(long value) {
    seed = value;
    return this;
  }

  /** Sets the instant generated dates lead up to (default: start of today, UTC). */
  public TenantBuilder asOf(Instant value) {
    asOf = Objects.requireNonNull(value, "asOf");
    return this;
  }

  /** Sets whether the tenant has Entra ID P1 (default true). */
  public TenantBuilder premium(boolean value) {
    premium = value;
    return this;
  }

  /** Adds a verified custom domain that becomes the default domain (user UPNs use it). */
  public TenantBuilder customDomain(String domain) {
    customDomain = Objects.requireNonNull(domain, "domain").toLowerCase(java.util.Locale.ROOT);
    return this;
  }

  /** Sets the number of member users (default 25). */
  public TenantBuilder users(int count) {
    users = nonNegative(count, "users");
    return this;
  }

  /** Sets the number of guest users (default: one per 20 members). */
  public TenantBuilder guests(int count) {
    guests = nonNegative(count, "guests");
    return this;
  }

  /** Generates the tenant. */
  public SimulatedTenant build() {
    TenantSpec spec = new TenantSpec(name, seed, asOf, premium, customDomain, users,
        guests < 0 ? users / 20 : guests, 0, 0, premium ? 30 : 7, 0, 0, false);
    return new SimulatedTenant(TenantGenerator.generate(spec));
  }

  private static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, was " + value);
    }
    return value;
  }
}
