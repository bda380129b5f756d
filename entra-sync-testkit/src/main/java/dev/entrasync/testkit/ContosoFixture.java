package dev.entrasync.testkit;

import dev.entrasync.testkit.internal.Fixtures;
import dev.entrasync.testkit.internal.TenantData;
import dev.entrasync.testkit.internal.TenantGenerator;
import dev.entrasync.testkit.internal.TenantSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A small tenant with hand-picked rows whose ids tests can name: an administrator with two roles
 * and MFA methods, a guest, a device without Intune, and a role whose members are a group and a
 * service principal. The rest (20 members, 10 devices, 6 groups, audits, scores) is generated
 * from a fixed seed. Each {@link #build()} returns a fresh, independent tenant.
 */
public final class ContosoFixture {
    /** The tenant id. */
    public static final String TENANT_ID = "4a6f5c1e-8b2d-4c3e-9f10-2b3c4d5e6f70";
    /** The default (custom) domain; the initial one is {@code contoso.onmicrosoft.com}. */
    public static final String DOMAIN = "contoso.com";
    /** Adele Vance: Global Administrator and User Administrator, push and OTP registered. */
    public static final String ADMIN_USER_ID = "a1d3e5f7-0001-4000-8000-000000000001";
    /** Adele Vance's user principal name. */
    public static final String ADMIN_UPN = "adele.vance@contoso.com";
    /** Alex Wilber from Fabrikam, a guest ({@code userType} Guest, {@code #EXT#} UPN). */
    public static final String GUEST_USER_ID = "a1d3e5f7-0002-4000-8000-000000000002";
    /** KIOSK-01, a cloud-joined device not managed by Intune ({@code isManaged} null). */
    public static final String UNMANAGED_DEVICE_ID = "a1d3e5f7-0003-4000-8000-000000000003";
    /** The activated Global Administrator role (member: Adele). */
    public static final String GLOBAL_ADMIN_ROLE_ID = "a1d3e5f7-0004-4000-8000-000000000004";
    /** The activated User Administrator role (member: Adele). */
    public static final String USER_ADMIN_ROLE_ID = "a1d3e5f7-0005-4000-8000-000000000005";
    /** The activated Helpdesk Administrator role (members: the group and the service principal). */
    public static final String HELPDESK_ROLE_ID = "a1d3e5f7-0006-4000-8000-000000000006";
    /** "Tier 1 Helpdesk", a role-assignable security group holding one generated user. */
    public static final String HELPDESK_GROUP_ID = "a1d3e5f7-0007-4000-8000-000000000007";
    /** "Contoso Backup Connector", a service principal. */
    public static final String SERVICE_PRINCIPAL_ID = "a1d3e5f7-0008-4000-8000-000000000008";

    private ContosoFixture() {}

    /** Builds the fixture tenant; dates lead up to the start of the current UTC day. */
    public static SimulatedTenant build() {
        TenantSpec spec = new TenantSpec(
                "Contoso",
                TENANT_ID,
                2026,
                Instant.now().truncatedTo(ChronoUnit.DAYS),
                true,
                DOMAIN,
                20,
                1,
                10,
                6,
                30,
                10,
                30,
                false);
        TenantData data = TenantGenerator.generate(spec);
        Fixtures.contoso(
                data,
                List.of(
                        ADMIN_USER_ID,
                        GUEST_USER_ID,
                        UNMANAGED_DEVICE_ID,
                        GLOBAL_ADMIN_ROLE_ID,
                        USER_ADMIN_ROLE_ID,
                        HELPDESK_ROLE_ID,
                        HELPDESK_GROUP_ID,
                        SERVICE_PRINCIPAL_ID));
        return new SimulatedTenant(data);
    }
}
