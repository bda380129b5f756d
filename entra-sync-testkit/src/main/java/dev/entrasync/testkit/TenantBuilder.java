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
    private Boolean intune;
    private String customDomain;
    private int users = 25;
    private int guests = -1;
    private int devices = -1;
    private int groups = -1;
    private int auditEventsPerDay = 10;
    private int secureScoreDays = 30;
    private String tenantId;
    private boolean partner;
    private java.util.List<SimulatedTenant> customers = java.util.List.of();

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

    /**
     * Starts a CSP partner tenant (an MSP's own tenant): its organization says
     * {@code partnerTenantType: ResellerPartnerDelegatedAdmin} and it lists its
     * {@link #customers(java.util.List) customers} in {@code /tenantRelationships/delegatedAdminCustomers}
     * (GDAP) and {@code /contracts} (legacy DAP).
     */
    public static TenantBuilder partner(String displayName) {
        TenantBuilder builder = create(displayName);
        builder.partner = true;
        return builder;
    }

    /** Sets the customers of a {@link #partner(String) partner} tenant. */
    public TenantBuilder customers(java.util.List<SimulatedTenant> tenants) {
        if (!partner) {
            throw new IllegalStateException("customers need TenantBuilder.partner(...)");
        }
        customers = java.util.List.copyOf(tenants);
        return this;
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

    /** Sets whether the tenant has Microsoft Intune (default: the same as {@link #premium(boolean)}). */
    public TenantBuilder intune(boolean value) {
        intune = value;
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

    /** Sets the number of devices (default: one per two member users, at least 5). */
    public TenantBuilder devices(int count) {
        devices = nonNegative(count, "devices");
        return this;
    }

    /**
     * Sets the number of groups (default: one per 10 members, at least 6). The first group is the
     * role-assignable "Helpdesk Admins", a member of the Helpdesk Administrator role.
     */
    public TenantBuilder groups(int count) {
        groups = nonNegative(count, "groups");
        return this;
    }

    /**
     * Sets how many directory audit events to generate per day of retention (default 10); the
     * retention is 30 days, or 7 when {@link #premium(boolean)} is false.
     */
    public TenantBuilder auditEventsPerDay(int count) {
        auditEventsPerDay = nonNegative(count, "auditEventsPerDay");
        return this;
    }

    /** Sets how many daily Secure Score snapshots to generate (default 30). */
    public TenantBuilder secureScoreDays(int count) {
        secureScoreDays = nonNegative(count, "secureScoreDays");
        return this;
    }

    /** Fixes the tenant id (a GUID) instead of deriving it from name and seed. */
    public TenantBuilder tenantId(String id) {
        if (!dev.entrasync.testkit.internal.Ids.isGuid(id)) {
            throw new IllegalArgumentException("tenant id must be a GUID, was " + id);
        }
        tenantId = id.toLowerCase(java.util.Locale.ROOT);
        return this;
    }

    /** Generates the tenant. */
    public SimulatedTenant build() {
        dev.entrasync.testkit.internal.TenantData data = TenantGenerator.generate(spec());
        if (partner) {
            dev.entrasync.testkit.internal.Partners.fill(
                    data, customers.stream().map(SimulatedTenant::data).toList());
        }
        if (intune != null) {
            data.intune(intune);
        }
        return new SimulatedTenant(data);
    }

    TenantSpec spec() {
        return new TenantSpec(
                name,
                tenantId,
                seed,
                asOf,
                premium,
                customDomain,
                users,
                guests < 0 ? users / 20 : guests,
                devices < 0 ? Math.max(5, users / 2) : devices,
                groups < 0 ? Math.max(6, users / 10) : groups,
                premium ? 30 : 7,
                auditEventsPerDay,
                secureScoreDays,
                true);
    }

    private static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + value);
        }
        return value;
    }
}
