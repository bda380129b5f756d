package dev.entrasync.examples.support;

import dev.entrasync.AppCredential;
import dev.entrasync.Cloud;
import dev.entrasync.Dataset;
import dev.entrasync.GraphPermission;
import dev.entrasync.onboarding.PermissionManifest;
import dev.entrasync.testkit.Permissions;
import dev.entrasync.testkit.SimulatedApp;
import dev.entrasync.testkit.SimulatedCloud;
import dev.entrasync.testkit.SimulatedTenant;
import dev.entrasync.testkit.TenantBuilder;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The simulated Microsoft cloud the demos run against, with the tenants an MSP meets: its own CSP
 * partner tenant "Northwind MSP" whose GDAP customers are Contoso (Entra ID P1, the full picture),
 * Tailspin Toys (no Entra ID P1) and Litware (whose administrator later removed one permission), and
 * Fabrikam, a direct customer outside CSP. The app registration asks for exactly the
 * {@link PermissionManifest} of every dataset (plus GDAP, and mail when enabled), and registers the host's redirect URI.
 * Nobody has consented yet: the demos walk each consent. Close it to stop the servers.
 */
public final class DemoCloud implements AutoCloseable {

    /** The demo app registration's client id. */
    public static final String CLIENT_ID = "6f1c0a8e-8d2b-4c1e-9a57-2f3e4d5c6b7a";
    /** The demo app's client secret (the simulated cloud's; never a real one). */
    public static final String SECRET = "demo-only-secret-value";
    /** The permission Litware's administrator removes after consenting. */
    public static final String LITWARE_REMOVED = Permissions.SECURITY_EVENTS_READ_ALL;
    /** The partner's mailbox that sends reports. */
    public static final String MAIL_SENDER = "reports@northwindmsp.onmicrosoft.com";

    private final SimulatedCloud cloud;
    private final SimulatedApp app;
    private final SimulatedTenant partner;
    private final SimulatedTenant contoso;
    private final SimulatedTenant tailspin;
    private final SimulatedTenant litware;
    private final SimulatedTenant fabrikam;

    private DemoCloud(SimulatedCloud cloud, int contosoUsers, String redirectUri, boolean mailEnabled) {
        this.cloud = cloud;
        String[] manifest =
                PermissionManifest.of(EnumSet.allOf(Dataset.class), true, mailEnabled).permissions().stream()
                        .map(GraphPermission::value)
                        .toArray(String[]::new);
        this.app = cloud.registerApp(CLIENT_ID, SECRET)
                .configurePermissions(manifest)
                .addRedirectUri(redirectUri);
        this.contoso = cloud.addTenant(TenantBuilder.create("Contoso")
                .seed(1)
                .users(contosoUsers)
                .customDomain("contoso.com")
                .build());
        this.tailspin = cloud.addTenant(TenantBuilder.create("Tailspin Toys")
                .seed(7)
                .users(60)
                .premium(false)
                .build());
        this.litware = cloud.addTenant(
                TenantBuilder.create("Litware").seed(11).users(120).build());
        this.fabrikam = cloud.addTenant(
                TenantBuilder.create("Fabrikam").seed(2).users(250).build());
        this.partner = cloud.addTenant(TenantBuilder.partner("Northwind MSP")
                .seed(3)
                .users(8)
                .customers(List.of(contoso, tailspin, litware))
                .build());
        partner.users()
                .add(Map.of(
                        "userPrincipalName",
                        MAIL_SENDER,
                        "displayName",
                        "Northwind MSP Reports",
                        "accountEnabled",
                        true,
                        "mail",
                        MAIL_SENDER));
    }

    /**
     * Starts the cloud on localhost (plain HTTP) with Contoso holding this many members.
     *
     * @param mailEnabled whether the app registration also asks for {@code Mail.Send}
     */
    public static DemoCloud start(int contosoUsers, String redirectUri, boolean mailEnabled) {
        SimulatedCloud cloud = SimulatedCloud.start();
        try {
            return new DemoCloud(cloud, contosoUsers, redirectUri, mailEnabled);
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    /** The partner's CSP credential for this cloud, its secret expiring at {@code secretExpiresAt} (may be null). */
    public AppCredential credential(String name, Instant secretExpiresAt) {
        return AppCredential.builder()
                .name(name)
                .cloud(Cloud.custom(cloud.loginUrl(), cloud.graphUrl()))
                .homeTenant(partner.id())
                .clientId(CLIENT_ID)
                .secret(SECRET)
                .secretExpiresAt(secretExpiresAt)
                .cspPartner(true)
                .build();
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    public SimulatedApp app() {
        return app;
    }

    public SimulatedTenant partner() {
        return partner;
    }

    public SimulatedTenant contoso() {
        return contoso;
    }

    public SimulatedTenant tailspin() {
        return tailspin;
    }

    public SimulatedTenant litware() {
        return litware;
    }

    public SimulatedTenant fabrikam() {
        return fabrikam;
    }

    /** Every customer tenant: the three GDAP customers and Fabrikam. */
    public List<SimulatedTenant> customers() {
        return List.of(contoso, tailspin, litware, fabrikam);
    }

    /** Litware's administrator removes {@link #LITWARE_REMOVED} from the app (after consenting). */
    public void litwareRemovesAPermission() {
        litware.revoke(app, LITWARE_REMOVED);
    }

    @Override
    public void close() {
        cloud.close();
    }
}
